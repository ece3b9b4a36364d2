/**
 * Which imports a pickle may perform. Allow-list first: anything not known to be safe is at least
 * `unknown`. The deny-list turns the well-known code-execution, file, network and importer entry
 * points into `dangerous`. It merges what picklescan 1.0.5 and modelscan 0.8.8 flag with the
 * bypasses reported against them (pkgutil.resolve_name, numpy.testing runstring, torch.load via
 * storage._load_from_bytes, operator getattr chains, cProfile/profile/timeit/trace/pdb exec
 * wrappers, io.FileIO, logging.FileHandler, uuid command helpers, idlelib/lib2to3 evaluators, ...).
 */

/**
 * How an import is judged. `safe`: on the built-in allow-list. `allowed`: on the user's
 * `allow-globals` (and on no deny-list). `unknown`: on no list. `dangerous`: on the deny-list or
 * an evasion; `accepted` then says whether the user accepted it by name with a reason.
 */
export type ImportClassification = 'safe' | 'allowed' | 'unknown' | 'dangerous';

/** The verdict for one import, with the reason when it is not safe. */
export interface ImportVerdict {
  classification: ImportClassification;
  reason?: string;
  /** Dangerous, but named in `allow-dangerous-globals`: the reason the user gave. */
  accepted?: string;
  /** Dangerous, and the user's `allow-globals` tried to clear it (it cannot). */
  allowIgnored?: boolean;
  /**
   * Safe to hold as a value (a score function stored as an estimator's parameter), not to call
   * while loading: a REDUCE on it is a finding.
   */
  referenceOnly?: boolean;
}

/** Whole modules (and everything under them) that run code, touch files/processes/network, or import. */
const DANGEROUS_MODULES = [
  'os', 'posix', 'nt', 'posixpath', 'ntpath', 'subprocess', '_posixsubprocess', 'sys', 'importlib', 'imp',
  'runpy', 'socket', '_socket', 'ssl', 'http', 'httplib', 'urllib', 'urllib2', 'urllib3', 'requests',
  'aiohttp', 'httpx', 'ftplib', 'smtplib', 'telnetlib', 'poplib', 'imaplib', 'nntplib', 'xmlrpc', 'socketserver',
  'webbrowser', 'shutil', 'pty', 'code', 'codeop', 'pickle', '_pickle', 'cPickle', 'pickletools', 'dill',
  'cloudpickle', 'marshal', 'ctypes', '_ctypes', 'pip', 'setuptools', 'distutils', 'ensurepip', 'venv',
  'asyncio', 'multiprocessing', '_multiprocessing', 'concurrent', 'threading', '_thread', 'signal',
  'pdb', 'bdb', 'trace', 'profile', 'cProfile', 'timeit', 'pydoc', 'doctest', 'idlelib', 'lib2to3', 'test',
  'tempfile', 'glob', 'pathlib', 'fileinput', 'zipimport', 'pkgutil', 'sysconfig', 'site', 'builtins.__import__',
  '_io', 'io', 'operator', '_operator', 'functools', 'types', 'copyreg', 'copy_reg', 'gc', 'inspect',
  'commands', 'popen2', 'spawn', '_osx_support', '_aix_support', '_pyrepl', 'uuid', 'platform', 'ctypes',
  'numpy.f2py', 'numpy.testing', 'numpy.distutils', 'numpy.ctypeslib', 'numpy.lib.npyio', 'numpy.lib.format',
  'numpy.load', 'numpy.loadtxt', 'numpy.genfromtxt', 'numpy.fromfile', 'numpy.memmap', 'numpy.save',
  'numpy.savez', 'numpy.savetxt', 'numpy.tofile', 'numpy.fromregex',
  'torch.load', 'torch.hub', 'torch._ops', 'torch.ops', 'torch.serialization', 'torch.storage._load_from_bytes',
  'torch._inductor', 'torch._dynamo', 'torch.jit', 'torch.utils.bottleneck', 'torch.utils.collect_env',
  'torch.utils.data.datapipes', 'torch.utils._config_module', 'torch.fx.experimental.symbolic_shapes',
  'torch.package', 'torch.classes', 'torch.compile', 'torch.autograd.profiler',
  'numpy.core._ufunc_reconstruct', 'numpy._core._ufunc_reconstruct',
  'pandas.read_pickle', 'pandas.io', 'pandas.read_csv', 'pandas.read_json', 'pandas.read_parquet',
  'pandas.read_excel', 'pandas.read_html', 'pandas.read_sql', 'pandas.read_table', 'pandas.read_hdf',
  'pandas.read_feather', 'pandas.read_orc', 'pandas.read_sas', 'pandas.read_spss', 'pandas.read_stata',
  'pandas.read_xml', 'pandas.read_fwf', 'pandas.eval', 'pandas.core.computation',
  'sklearn.utils._joblib', 'sklearn.externals', 'sklearn.datasets', 'joblib.load', 'joblib.numpy_pickle.load',
  'joblib.parallel', 'joblib._parallel_backends', 'joblib.externals', 'joblib.pool', 'joblib.memory',
  'keras.models.load_model', 'tensorflow', 'jinja2', 'yaml', 'logging.config', 'logging.FileHandler',
  'logging.handlers', 'codecs.open', 'bz2.open', 'gzip.open', 'lzma.open', 'tarfile', 'zipfile', 'sqlite3',
  'dbm', 'shelve', 'mmap', 'resource', 'fcntl', 'termios', 'tty', 'pwd', 'grp', 'crypt', 'syslog', 'cmd',
  'rlcompleter', 'readline', 'atexit', 'weakref.finalize', 'contextlib', 'sched', 'selectors', 'select',
  'ensurepip', 'compileall', 'py_compile', 'dis', 'ast', 'symtable', 'tokenize', 'linecache',
  // C accelerator twins of modules above, and more gadgets seen in the wild: remote shells and SSH,
  // test helpers that run Python source, loaders moved in numpy 2 (`numpy.lib._npyio_impl.load`),
  // TorchScript loaders, benchmark timers that exec their statement, expression evaluators.
  '_functools', '_collections_abc', 'paramiko', 'fabric', 'pexpect', 'ptyprocess', 'IPython',
  'ipykernel', 'jupyter_client', 'sklearn.utils._testing', 'torch._C._load_for_lite_interpreter',
  'torch._C.import_ir_module', 'torch._C.import_ir_module_from_buffer', 'torch.utils.cpp_extension',
  'torch.utils.benchmark', 'torch.cuda.memory._record_memory_history', 'numpy.lib._npyio_impl',
  'numpy.lib._format_impl', 'numpy.lib._datasource', 'numpy.lib._utils_impl', 'scipy.io', 'h5py', 'tables',
  'sympy.sympify', 'sympy.core.sympify', 'sympy.parsing', 'numexpr', 'fsspec', 'smart_open', 'boto3',
  'botocore', 'mlflow', 'keras.saving', 'keras.src.saving', 'tf_keras',
  // pandas internals that read files or run test suites (their classes would match the pandas pattern).
  'pandas._libs.parsers', 'pandas._libs.sas', 'pandas._testing', 'pandas.util._tester', 'pandas.plotting',
  'pandas.core.config_init', 'pandas._config',
] as const;

/** builtins / __builtin__ members that evaluate, import, reach attributes or touch files. */
const DANGEROUS_BUILTINS = new Set([
  'eval', 'exec', 'execfile', 'compile', 'open', 'file', 'getattr', 'setattr', 'delattr', 'hasattr',
  '__import__', 'globals', 'locals', 'vars', 'breakpoint', 'input', 'raw_input', 'apply', 'reload', 'help',
  'exit', 'quit', 'dir', 'memoryview', 'type', 'super', 'classmethod', 'staticmethod', 'property',
  'print', 'callable', 'iter', 'next', 'map', 'filter', 'reduce', 'sorted', 'min', 'max', 'id', 'copyright',
  'credits', 'license', '__loader__', '__spec__', '__build_class__', 'object.__subclasses__', 'aiter', 'anext',
]);

/** builtins that rebuild plain data. */
const SAFE_BUILTINS = new Set([
  'set', 'frozenset', 'dict', 'list', 'tuple', 'slice', 'complex', 'bytearray', 'bytes', 'range', 'int',
  'float', 'str', 'bool', 'object', 'unicode', 'long', 'NotImplemented', 'Ellipsis', 'xrange',
]);

/** Exact globals known to only rebuild data. */
const SAFE_EXACT = new Set([
  'collections.OrderedDict', 'collections.defaultdict', 'collections.deque', 'collections.Counter',
  'copyreg._reconstructor', 'copy_reg._reconstructor', 'copyreg.__newobj__', 'copyreg.__newobj_ex__',
  '_codecs.encode', 'codecs.encode',
  'numpy.dtype', 'numpy.ndarray', 'numpy.matrix', 'numpy.ma.core.MaskedArray', 'numpy.ma.core._mareconstruct',
  'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar', 'numpy._core.multiarray.scalar',
  'numpy.core.numeric._frombuffer', 'numpy._core.numeric._frombuffer',
  'numpy.core._multiarray_umath._reconstruct', 'numpy._core._multiarray_umath._reconstruct',
  'numpy.random._pickle.__randomstate_ctor', 'numpy.random._pickle.__bit_generator_ctor',
  'numpy.random._pickle.__generator_ctor', 'numpy.random.mtrand.RandomState', 'numpy.random._generator.Generator',
  'numpy.random._mt19937.MT19937', 'numpy.random._pcg64.PCG64', 'numpy.random._pcg64.PCG64DXSM',
  'numpy.random._philox.Philox', 'numpy.random._sfc64.SFC64', 'numpy.random.bit_generator.SeedSequence',
  'numpy.random._bit_generator.SeedSequence',
  'joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper',
  'datetime.datetime', 'datetime.date', 'datetime.time', 'datetime.timedelta', 'datetime.timezone',
  'decimal.Decimal', 'fractions.Fraction', 'uuid.UUID', 're._compile',
  'torch.Size', 'torch.device', 'torch.Tensor', 'torch.nn.parameter.Parameter', 'torch._tensor._rebuild_from_type_v2',
  'torch.serialization._get_layout', 'torch.strided', 'torch.sparse_coo', 'torch.sparse_csr', 'torch._C._nn.gelu',
  'torch.contiguous_format', 'torch.channels_last', 'torch.preserve_format', 'torch.storage.UntypedStorage',
  'torch.storage.TypedStorage', 'torch.UntypedStorage', 'torch.TypedStorage',
  'xgboost.core.Booster', 'xgboost.sklearn.XGBClassifier', 'xgboost.sklearn.XGBRegressor',
  'xgboost.sklearn.XGBRanker', 'xgboost.sklearn.XGBRFClassifier', 'xgboost.sklearn.XGBRFRegressor',
  'lightgbm.basic.Booster', 'lightgbm.sklearn.LGBMClassifier', 'lightgbm.sklearn.LGBMRegressor',
  'lightgbm.sklearn.LGBMRanker', 'lightgbm.sklearn.LGBMModel',
  // Reviewed for issue 9: each one only stores what it is given when REDUCE/NEWOBJ/BUILD build it.
  'collections.ChainMap', 'collections.UserDict', 'collections.UserList', 'collections.UserString',
  'argparse.Namespace', 'uuid.SafeUUID', 're.RegexFlag', 'numpy.ma.MaskedArray', 'numpy.ma.core.MaskedConstant',
  // Path objects are pure values until a method runs, and methods stay out of reach: a dotted
  // `Path.write_text` and getattr are dangerous. (pathlib as a whole stays on the deny-list.)
  'pathlib.PurePath', 'pathlib.PurePosixPath', 'pathlib.PureWindowsPath', 'pathlib.Path', 'pathlib.PosixPath',
  'pathlib.WindowsPath', 'pathlib._local.PurePath', 'pathlib._local.PurePosixPath', 'pathlib._local.PureWindowsPath',
  'pathlib._local.Path', 'pathlib._local.PosixPath', 'pathlib._local.WindowsPath',
  'torch.torch_version.TorchVersion',
  // CatBoost's __setstate__ parses the model from the pickled bytes in memory. (catboost.Pool is
  // not here: given a string it reads that file.)
  'catboost.core.CatBoost', 'catboost.core.CatBoostClassifier', 'catboost.core.CatBoostRegressor', 'catboost.core.CatBoostRanker',
  // pandas' unpickling helpers: each rebuilds an index, block or scalar from the values given.
  'pandas.core.indexes.base._new_Index', 'pandas.core.indexes.datetimes._new_DatetimeIndex',
  'pandas.core.indexes.period._new_PeriodIndex', 'pandas.core.indexes.interval._new_IntervalIndex',
  'pandas.core.indexes.multi._new_MultiIndex', 'pandas.core.internals.blocks.new_block', 'pandas._libs.internals._unpickle_block',
  'pandas._libs.tslibs.timestamps._unpickle_timestamp', 'pandas._libs.tslibs.timedeltas._timedelta_unpickle',
  'pandas._libs.tslibs.nattype._nat_unpickle', 'pandas._libs.tslibs.nattype.__nat_unpickle', 'pandas.NA', 'pandas.NaT',
  'pandas._libs.missing.NA', 'pandas._libs.tslibs.nattype.NaT', 'pandas.core.arrays.sparse.array._make_sparse',
]);

/** Functions held by reference in real pickles (SplineTransformer keeps its array namespace's asarray). */
const REF_EXACT = new Set(['scipy._lib.array_api_compat.numpy._aliases.asarray']);

/** numpy functions that only compute on their arguments (pooling functions, ufunc-like reducers). */
const NUMPY_COMPUTE = new Set([
  'mean', 'median', 'sum', 'prod', 'std', 'var', 'amax', 'amin', 'max', 'min', 'average', 'nanmean', 'nanmedian',
  'nansum', 'nanstd', 'nanvar', 'nanmax', 'nanmin', 'ptp', 'percentile', 'quantile', 'argmax', 'argmin', 'cumsum',
  'cumprod', 'round', 'around', 'mod', 'identity',
]);

/**
 * scikit-learn modules whose functions only compute (score functions, metrics, kernels,
 * internal fitting routines stored as parameters). Elsewhere sklearn functions are not listed:
 * some read or write files (datasets, externals, `check_memory` creates cache directories).
 */
const SKLEARN_COMPUTE_MODULE = /^sklearn\.(metrics|feature_selection|cluster|neighbors|preprocessing|decomposition|linear_model|svm|manifold|covariance|kernel_approximation|isotonic|gaussian_process|mixture|tree|ensemble|neural_network|naive_bayes|discriminant_analysis|cross_decomposition|semi_supervised|random_projection|impute)(\.|$)/;

/** pandas top-level classes and dtypes (pandas 3 pickles name them by their public path). */
const PANDAS_PUBLIC = new Set([
  'DataFrame', 'Series', 'Index', 'RangeIndex', 'MultiIndex', 'DatetimeIndex', 'TimedeltaIndex', 'PeriodIndex',
  'IntervalIndex', 'CategoricalIndex', 'Categorical', 'CategoricalDtype', 'DatetimeTZDtype', 'PeriodDtype',
  'IntervalDtype', 'SparseDtype', 'StringDtype', 'BooleanDtype', 'Int8Dtype', 'Int16Dtype', 'Int32Dtype', 'Int64Dtype',
  'UInt8Dtype', 'UInt16Dtype', 'UInt32Dtype', 'UInt64Dtype', 'Float32Dtype', 'Float64Dtype', 'Timestamp', 'Timedelta',
  'Period', 'Interval', 'DateOffset',
]);

const NUMPY_SCALAR_TYPES = new Set([
  'bool_', 'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32',
  'float64', 'float128', 'complex64', 'complex128', 'complex256', 'str_', 'bytes_', 'object_', 'void',
  'datetime64', 'timedelta64', 'intc', 'uintc', 'longlong', 'ulonglong', 'intp', 'uintp', 'longdouble',
  'clongdouble', 'half', 'single', 'double', 'csingle', 'cdouble', 'byte', 'ubyte', 'short', 'ushort', 'int_',
  'uint', 'float_', 'complex_', 'unicode_', 'string_',
]);

const NUMPY_UFUNCS = new Set([
  'abs', 'absolute', 'add', 'subtract', 'multiply', 'divide', 'true_divide', 'floor_divide', 'negative', 'positive',
  'power', 'float_power', 'remainder', 'mod', 'fmod', 'sqrt', 'cbrt', 'square', 'reciprocal', 'exp', 'exp2', 'expm1',
  'log', 'log2', 'log10', 'log1p', 'logaddexp', 'logaddexp2', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan',
  'arctan2', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'sign', 'floor', 'ceil', 'trunc', 'rint',
  'maximum', 'minimum', 'fmax', 'fmin', 'clip', 'isnan', 'isinf', 'isfinite', 'hypot', 'deg2rad', 'rad2deg',
]);

const TORCH_DTYPES = new Set([
  'float32', 'float', 'float64', 'double', 'float16', 'half', 'bfloat16', 'complex32', 'complex64', 'cfloat',
  'complex128', 'cdouble', 'uint8', 'int8', 'int16', 'short', 'int32', 'int', 'int64', 'long', 'bool',
  'quint8', 'qint8', 'qint32', 'quint4x2', 'quint2x4', 'float8_e4m3fn', 'float8_e5m2', 'uint16', 'uint32', 'uint64',
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CLASS_NAME = /^_?[A-Z][A-Za-z0-9_]*$/;
const SPARSE_CLASS = /^(csr|csc|coo|bsr|dia|dok|lil)_(matrix|array)$/;

/** Segments that, anywhere in a dotted path, mean the path walks into a dangerous module or dunder. */
const DANGEROUS_SEGMENTS = new Set([
  'os', 'posix', 'nt', 'subprocess', 'sys', 'builtins', '__builtin__', '__builtins__', 'importlib', 'runpy',
  'socket', 'shutil', 'pty', 'ctypes', 'pickle', '_pickle', 'marshal', 'eval', 'exec', 'system', 'popen',
  'Popen', 'getattr', '__import__', 'import_module', 'spawn', 'execv', 'execve', 'check_output', 'run',
  'load', 'loads', 'urlopen', 'compile',
]);

/** Dunder names that are fine as the final segment of a vetted safe global; all others are reflection. */
const ALLOWED_DUNDERS = new Set(['__newobj__', '__newobj_ex__', '__randomstate_ctor', '__bit_generator_ctor', '__generator_ctor']);

function matchesPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '.');
}

/** One `allow-dangerous-globals` entry: an exact `module.name` and why the team accepts it. */
export interface DangerousAcceptance {
  name: string;
  reason: string;
}

/**
 * A policy: the built-in lists plus the caller's `allow` patterns (`module.name` or `module.*`)
 * and `allowDangerous` entries. `allow` only ever turns `unknown` into `allowed`: no entry, exact
 * or wildcard, clears a dangerous global (`mypkg.*` never allows `mypkg.os.system`, and
 * `builtins.eval` stays dangerous). A team that must accept a dangerous global names it exactly
 * in `allowDangerous` with a reason; it stays `dangerous`, marked accepted, and reports say so.
 */
export class ImportPolicy {
  private readonly userExact = new Set<string>();
  private readonly userPrefixes: string[] = [];
  private readonly dangerousAccepted = new Map<string, string>();
  private readonly cache = new Map<string, ImportVerdict>();

  constructor(allow: readonly string[] = [], allowDangerous: readonly DangerousAcceptance[] = []) {
    for (const raw of allow) {
      const entry = raw.trim();
      if (entry.endsWith('.*')) this.userPrefixes.push(entry.slice(0, -2));
      else if (entry) this.userExact.add(entry);
    }
    for (const { name, reason } of allowDangerous) this.dangerousAccepted.set(name.trim(), reason);
  }

  /** Classify the import `module` + `name` (a possibly dotted qualname). */
  classify(module: string, name: string): ImportVerdict {
    const key = module + '\u0000' + name;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const verdict = this.classifyUncached(module, name);
    // Bounded: adversarial pickles can mint unlimited distinct names.
    if (this.cache.size < 65536) this.cache.set(key, verdict);
    return verdict;
  }

  private classifyUncached(module: string, name: string): ImportVerdict {
    const builtIn = this.builtInVerdict(module, name);
    const full = `${module}.${name}`;
    const userNamed = this.userExact.has(full) || this.userPrefixes.some((p) => matchesPrefix(full, p));
    if (builtIn.classification === 'dangerous') {
      // Evasions (non-identifier names) are never acceptable: no entry can name them.
      const accepted = builtIn.evasion ? undefined : this.dangerousAccepted.get(full);
      const v: ImportVerdict = { classification: 'dangerous' };
      if (builtIn.reason !== undefined) v.reason = builtIn.reason;
      if (accepted !== undefined) v.accepted = accepted;
      if (userNamed) v.allowIgnored = true;
      return v;
    }
    if (builtIn.classification === 'safe') {
      if (!builtIn.referenceOnly) return { classification: 'safe' };
      // A user who names a reference-only function accepts calls to it as well.
      return userNamed ? { classification: 'allowed' } : { classification: 'safe', referenceOnly: true };
    }
    return userNamed ? { classification: 'allowed' } : { classification: 'unknown' };
  }

  /** The built-in lists alone. */
  private builtInVerdict(module: string, name: string): ImportVerdict & { evasion?: boolean } {
    const modSegs = module.split('.');
    const nameSegs = name.split('.');
    // Python's find_class imports `module` verbatim and walks `name` by getattr; a scanner that
    // normalises (strips spaces, folds unicode) would judge a different import than Python makes,
    // and legitimate pickles only ever carry ASCII identifiers, so anything else is an evasion.
    for (const seg of [...modSegs, ...nameSegs]) {
      if (!IDENTIFIER.test(seg)) {
        return { classification: 'dangerous', evasion: true, reason: `name is not a plain identifier path (${JSON.stringify(module)} ${JSON.stringify(name)})` };
      }
    }
    const full = `${module}.${name}`;
    // Cython's generated unpickler `__pyx_unpickle_<Class>` only does `Class.__new__(Class)` and
    // restores state: it is exactly as safe as the class itself (numpy's SeedSequence, sklearn trees).
    const pyx = /^__pyx_unpickle_([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
    if (pyx) return this.builtInVerdict(module, pyx[1] as string);
    if (module === 'builtins' || module === '__builtin__') {
      if (nameSegs.length === 1 && SAFE_BUILTINS.has(name)) return { classification: 'safe' };
      if (DANGEROUS_BUILTINS.has(nameSegs[0] as string) || nameSegs.length > 1) {
        return { classification: 'dangerous', reason: `builtins.${name} evaluates, imports, reflects or opens files` };
      }
      return { classification: 'unknown' };
    }
    if (SAFE_EXACT.has(full)) return { classification: 'safe' };
    for (const seg of nameSegs) {
      if (seg.startsWith('__') && !ALLOWED_DUNDERS.has(seg)) {
        return { classification: 'dangerous', reason: `attribute path reaches ${seg}` };
      }
    }
    for (const prefix of DANGEROUS_MODULES) {
      if (matchesPrefix(full, prefix)) {
        return { classification: 'dangerous', reason: `${prefix} can run code, import, or touch files, processes or the network` };
      }
    }
    // A name path that walks through a re-exported module (`torch.serialization.os.system`,
    // `numpy.core.sys.modules`) reaches the dangerous module without naming it at the front.
    const allSegs = [...modSegs, ...nameSegs];
    for (let i = 1; i < allSegs.length; i++) {
      const seg = allSegs[i] as string;
      if (DANGEROUS_SEGMENTS.has(seg) || seg.startsWith('__')) {
        if (ALLOWED_DUNDERS.has(seg) && i === allSegs.length - 1) continue;
        return { classification: 'dangerous', reason: `path goes through ${seg}` };
      }
    }
    const pattern = this.builtInSafePattern(module, name, nameSegs);
    if (pattern === 'ref') return { classification: 'safe', referenceOnly: true };
    if (pattern) return { classification: 'safe' };
    return { classification: 'unknown' };
  }

  /** `true`: safe to build; `'ref'`: a function, safe to hold but not to call at load. */
  private builtInSafePattern(module: string, name: string, nameSegs: string[]): boolean | 'ref' {
    if (nameSegs.length !== 1) return false;
    if (REF_EXACT.has(`${module}.${name}`)) return 'ref';
    if (module === 'numpy' && NUMPY_SCALAR_TYPES.has(name)) return true;
    if (module === 'numpy.dtypes' && CLASS_NAME.test(name)) return true;
    if (module === 'torch' && (TORCH_DTYPES.has(name) || /^[A-Z][A-Za-z0-9]*Storage$/.test(name))) return true;
    // The typed tensor classes the legacy tar format records for each tensor (only referenced).
    if (module === 'torch' && /^(Double|Float|Half|BFloat16|Long|Int|Short|Char|Byte|Bool|ComplexDouble|ComplexFloat)Tensor$/.test(name)) return true;
    if (module === 'torch._utils' && name.startsWith('_rebuild_')) return true;
    if ((module === 'torch.nn.modules' || module.startsWith('torch.nn.modules.')) && CLASS_NAME.test(name)) return true;
    // scikit-learn estimators, transformers, trees, losses and kernels are classes (CapWords);
    // its functions are not on the list: some load files (datasets, externals.joblib).
    if ((module === 'sklearn' || module.startsWith('sklearn.')) && (CLASS_NAME.test(name) || name === 'newObj')) return true;
    // numpy ufuncs pickle by name (FunctionTransformer(np.log1p)); they only compute.
    if (module === 'numpy' && NUMPY_UFUNCS.has(name)) return 'ref';
    if (module.startsWith('scipy.sparse') && SPARSE_CLASS.test(name)) return true;
    // Functions stored as parameters (pooling_func=np.mean, score_func=f_classif): a pickle only
    // refers to them. Some take n_jobs and would start worker processes if called, so a call
    // while loading is flagged by the walker.
    if (module === 'numpy' && NUMPY_COMPUTE.has(name)) return 'ref';
    if (SKLEARN_COMPUTE_MODULE.test(module) && /^[a-z_][a-z0-9_]*$/.test(name)) return 'ref';
    // scipy.interpolate splines and interpolators (BSpline, PPoly, interp1d...): values only.
    if (module.startsWith('scipy.interpolate') && (CLASS_NAME.test(name) || name === 'interp1d')) return true;
    // pandas: frames, series, indexes, arrays, dtypes, blocks, offsets (classes only); pandas.io and
    // pandas.core.computation (eval) are on the deny-list and never get here.
    if (module === 'pandas' && PANDAS_PUBLIC.has(name)) return true;
    if (module === 'pandas.arrays' && /^[A-Z][A-Za-z]*Array$/.test(name) && !name.startsWith('Arrow')) return true;
    if ((module.startsWith('pandas.core.') || module.startsWith('pandas._libs.')) && CLASS_NAME.test(name) && !/arrow/i.test(module + name)) return true;
    return false;
  }
}
