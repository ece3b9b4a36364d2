/** The allow/deny policy as a table: module, name, expected classification. */
import { describe, expect, test } from '@jest/globals';
import { ImportPolicy } from '../src/pickle/import-policy';

describe('ImportPolicy', () => {
  const policy = new ImportPolicy(['mylib.models.*', 'functools.partial']);
  test.each([
    ['numpy._core.multiarray', '_reconstruct', 'safe'],
    // gadgets found missing by a sweep of 114 module/name pairs (issue 5 closing note)
    ['_functools', 'partial', 'dangerous'],
    ['sklearn.utils._testing', 'assert_run_python_script', 'dangerous'],
    ['torch._C', '_load_for_lite_interpreter', 'dangerous'],
    ['IPython', 'embed', 'dangerous'],
    ['paramiko', 'SSHClient', 'dangerous'],
    ['numpy.lib._npyio_impl', 'load', 'dangerous'],
    ['torch.utils.benchmark', 'Timer', 'dangerous'],
    ['sympy', 'sympify', 'dangerous'],
    ['scipy.io', 'loadmat', 'dangerous'],
    ['numpy', 'float64', 'safe'],
    ['sklearn.ensemble._forest', 'RandomForestClassifier', 'safe'],
    ['sklearn.tree._tree', 'Tree', 'safe'],
    ['sklearn.datasets', 'fetch_openml', 'dangerous'],
    ['sklearn.utils', 'some_function', 'unknown'],
    ['torch._utils', '_rebuild_tensor_v2', 'safe'],
    ['torch', 'FloatStorage', 'safe'],
    ['torch.storage', '_load_from_bytes', 'dangerous'],
    ['torch.serialization', 'load', 'dangerous'],
    ['joblib.numpy_pickle', 'NumpyArrayWrapper', 'safe'],
    ['builtins', 'set', 'safe'],
    ['builtins', 'getattr', 'dangerous'],
    ['__builtin__', 'eval', 'dangerous'],
    ['builtins', 'dict.fromkeys', 'dangerous'],
    ['os', 'system', 'dangerous'],
    ['posix', 'system', 'dangerous'],
    ['nt', 'system', 'dangerous'],
    ['subprocess', 'Popen', 'dangerous'],
    ['_operator', 'attrgetter', 'dangerous'],
    ['pkgutil', 'resolve_name', 'dangerous'],
    ['numpy.testing._private.utils', 'runstring', 'dangerous'],
    ['numpy', 'load', 'dangerous'],
    ['pandas', 'read_pickle', 'dangerous'],
    ['uuid', 'UUID', 'safe'],
    ['uuid', '_get_command_stdout', 'dangerous'],
    ['sklearn', 'os.system', 'dangerous'],
    ['collections', 'OrderedDict.__init__', 'dangerous'],
    ['os ', 'system', 'dangerous'],
    ['', 'system', 'dangerous'],
    ['mylib.models', 'Net', 'safe'],
    ['mylib.models', 'os.system', 'dangerous'],
    ['functools', 'partial', 'safe'],
    ['functools', 'reduce', 'dangerous'],
    ['somepkg', 'Thing', 'unknown'],
    ['numpy.random.bit_generator', '__pyx_unpickle_SeedSequence', 'safe'],
    ['sklearn.tree._tree', '__pyx_unpickle_Tree', 'safe'],
    ['os', '__pyx_unpickle_system', 'dangerous'],
    ['sklearn.neighbors._kd_tree', 'newObj', 'safe'],
    ['numpy', 'log1p', 'safe'],
    ['numpy._core', '_ufunc_reconstruct', 'dangerous'],
  ])('%s.%s is %s', (module, name, expected) => {
    expect(policy.classify(module, name).classification).toBe(expected);
  });
});
