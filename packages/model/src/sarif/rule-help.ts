/**
 * What each scan rule means and what to do about it: the SARIF rule's short description (when the
 * finding's severity alone would describe it wrongly), its help text and the README section its
 * helpUri points at. Every rule the scanner and validate-model can emit has an entry here (a test
 * enumerates the rule ids from the sources and checks each one), so code scanning never shows an
 * alert without saying what to do next.
 */

/** README sections (anchors of packages/model/README.md). */
export type RuleDocSection =
  | 'what-is-detected'
  | 'import-policy-allow-list-first'
  | 'pickle-walking'
  | 'memory-bounds'
  | 'zip-handling'
  | 'tar-handling'
  | 'compression-and-other-containers'
  | 'what-passes-the-gate';

export interface RuleDoc {
  /** One line for the alert list; the severity's text is used when absent. */
  short?: string;
  /** What it means and what to do next. */
  help: string;
  section: RuleDocSection;
}

const NOT_VOUCHED = 'A malformed finding fails the gate whatever fail-on says: what was not read was not checked.';
const RECREATE_ZIP = `Zip readers disagree on archives like this one, so a loader may read content the scan did not see. Re-create the archive with a standard tool (zipfile, torch.save, zip). ${NOT_VOUCHED}`;
const RECREATE_TAR = `Tar readers disagree on archives like this one. Re-create the archive with a standard tool (tarfile, tar) and relative paths. ${NOT_VOUCHED}`;
const RESAVE = 'Re-save the model from the training code (a complete, uncorrupted file), or download it again.';

export const RULE_DOCS: Readonly<Record<string, RuleDoc>> = {
  // Pickle imports and calls.
  'pickle.dangerous-import': {
    short: 'The pickle imports a global that runs code, imports, reflects or touches files, processes or the network when loaded',
    help: 'Loading this pickle imports a dangerous global (a deny-list entry such as os.system, builtins.eval, subprocess.*, or an evasion of the list). Do not load the file. Re-save the model without the flagged object. If a vendor model truly needs it, accept it by name with a reason in allow-dangerous-globals (allow-globals never clears a dangerous global).',
    section: 'import-policy-allow-list-first',
  },
  'pickle.dangerous-import-accepted': {
    short: 'A dangerous global accepted by allow-dangerous-globals',
    help: 'The pickle imports a dangerous global that the workflow accepted by name in allow-dangerous-globals, with the reason shown. Review the reason; remove the entry as soon as the model no longer needs it.',
    section: 'import-policy-allow-list-first',
  },
  'pickle.unknown-import': {
    short: 'The pickle imports a global on no allow-list',
    help: 'The import is on neither the built-in allow-list nor the deny-list; the default gate fails on it, so a gadget nobody has listed yet cannot pass. If it is your own class and constructing it from a pickle only builds data (no code run, no files, processes or network touched), add the exact line the finding prints to allow-globals.',
    section: 'import-policy-allow-list-first',
  },
  'pickle.reference-called': {
    short: 'The pickle calls a global that is allowed only as a stored reference',
    help: 'The global is allowed as a value the model keeps (a loss or activation function stored as a parameter), not as something the file calls while loading. If you trust this call, add the allow-globals line the finding prints.',
    section: 'import-policy-allow-list-first',
  },
  'pickle.call-computed': {
    short: 'The pickle calls a computed value (a getattr chain or the result of another call)',
    help: 'REDUCE, NEWOBJ or BUILD calls something that is not an imported global: the pattern of gadget chains (getattr on an allowed object, then call). Do not load the file; re-save the model without the object.',
    section: 'pickle-walking',
  },
  'pickle.dynamic-global': {
    short: 'The pickle imports a name computed at load time',
    help: 'STACK_GLOBAL takes its module or name from something other than a literal string, so the import cannot be known without running the file. Do not load it; re-save the model with the standard pickler.',
    section: 'pickle-walking',
  },
  'pickle.extension-registry': {
    short: 'The pickle imports through the copyreg extension registry',
    help: 'EXT1/EXT2/EXT4 import whatever the loading process registered under a code, which the file cannot show. Re-save the model without copyreg extension codes.',
    section: 'pickle-walking',
  },
  'pickle.bound-exceeded': {
    short: 'The pickle exceeds a bound of the scanner: the rest was not followed',
    help: 'The stream goes past a structural bound the scanner keeps to stay within memory (the stack of 262,144 entries); past it, what follows is not scanned, so the file cannot be vouched for. A model saved by the standard pickler does not reach these bounds: re-save it, or split the object.',
    section: 'memory-bounds',
  },
  'pickle.memo-bound': {
    help: 'The pickle memo grew past the number of entries the scanner keeps; later entries are placeholders, and any use of one as an import name or call target is flagged as dangerous. Nothing to do unless another finding names such a use.',
    section: 'memory-bounds',
  },
  'pickle.malformed': {
    short: 'The pickle cannot be parsed (unknown opcode, stack underflow, missing memo entry)',
    help: `The opcode stream is invalid where the finding points, so the rest of it cannot be parsed or trusted: a corrupt file or a crafted one aimed at parser differences. ${RESAVE} ${NOT_VOUCHED}`,
    section: 'pickle-walking',
  },
  'pickle.truncated': {
    short: 'The pickle stream ends before its STOP opcode',
    help: `The file ends inside a pickle: an incomplete upload or download, or a cut meant to hide what a lenient loader would read. ${RESAVE} ${NOT_VOUCHED}`,
    section: 'pickle-walking',
  },
  'pickle.empty': {
    short: 'The pickle stream holds no opcodes',
    help: `The file is read as a pickle but holds nothing: there is no model to check. Point model-path at the real model file. ${NOT_VOUCHED}`,
    section: 'pickle-walking',
  },
  'pickle.multiple-streams': {
    help: 'The file holds more than one pickle back to back (torch legacy files and some custom savers do this); every one was scanned. Nothing to do.',
    section: 'pickle-walking',
  },
  'pickle.persistent-id': {
    help: "The pickle hands persistent ids to the loader's persistent_load hook (PyTorch storages do this). Safe with torch.load; a custom loader's hook decides what the ids mean, so review it if you use one.",
    section: 'pickle-walking',
  },
  'pickle.trailing-data': {
    help: 'Bytes follow the last record the loader reads. Standard loaders ignore them; a custom loader that reads on could unpickle them. Re-save the model to drop them.',
    section: 'pickle-walking',
  },
  'pickle.trailing-imports': {
    help: 'The bytes after the last STOP hold an incomplete pickle naming dangerous globals: a payload a custom loader could reach. Re-save the model to drop the trailing bytes, and find out how they got there.',
    section: 'pickle-walking',
  },
  'pickle.too-many-findings': {
    help: 'The file has more distinct findings than are listed; fix the listed ones and scan again to see the rest.',
    section: 'pickle-walking',
  },
  // joblib and legacy PyTorch.
  'joblib.truncated-array': {
    short: 'A joblib inline array ends early',
    help: `The file ends inside the bytes of a NumPy array that joblib stores between pickle opcodes. ${RESAVE} ${NOT_VOUCHED}`,
    section: 'pickle-walking',
  },
  'joblib.unlocated-array': {
    short: 'A joblib array whose size the walker cannot follow',
    help: 'A joblib NumpyArrayWrapper does not state a shape and dtype the walker can follow, so where the pickle resumes after the array bytes is unknown and what follows was not scanned. joblib.dump writes followable wrappers: re-save the model with joblib.dump.',
    section: 'pickle-walking',
  },
  'pytorch-legacy.bad-layout': {
    short: 'A legacy PyTorch file whose records do not follow the legacy layout',
    help: `The file does not follow torch's legacy layout (magic number, protocol, system info, storages), so the rest was not walked. Re-save with torch.save (zip format) or as safetensors. ${NOT_VOUCHED}`,
    section: 'pickle-walking',
  },
  'pytorch-legacy.truncated-storage': {
    short: 'A legacy PyTorch file ends inside its tensor storages',
    help: `The file ends before the records torch reads from it. ${RESAVE} ${NOT_VOUCHED}`,
    section: 'pickle-walking',
  },
  'pytorch-legacy.storage-data': {
    help: 'Raw tensor storage follows the pickles of a legacy PyTorch file; it is data, not pickle, and was not walked as pickle. Nothing to do; torch.save in the zip format or safetensors are the newer formats.',
    section: 'pickle-walking',
  },
  // Other model formats.
  'numpy.bad-header': {
    short: 'A NumPy file with an invalid header',
    help: `The .npy header cannot be parsed (or is longer than 64 KiB), so the dtype (and whether the array holds pickled objects) is unknown. Re-save it with numpy.save. ${NOT_VOUCHED}`,
    section: 'what-is-detected',
  },
  'numpy.object-array': {
    help: 'The .npy file holds an object array, stored as a pickle (scanned like any pickle); np.load needs allow_pickle=True to read it. Store numeric arrays, or safetensors, where you can.',
    section: 'what-is-detected',
  },
  'safetensors.bad-header': {
    short: 'A safetensors file whose header does not describe its bytes',
    help: `The header length or tensor offsets do not match the file (a gap, an overlap, data past the end): bytes the loader does not account for could hold anything. Re-save it with safetensors.save_file. ${NOT_VOUCHED}`,
    section: 'what-is-detected',
  },
  'keras.lambda-layer': {
    short: 'A Keras model with a Lambda layer, which carries Python bytecode',
    help: 'A Lambda layer stores Python bytecode that runs when the model is loaded without safe_mode. Replace the Lambda layer with a registered custom layer, and load models with safe_mode=True.',
    section: 'what-is-detected',
  },
  'onnx.malformed': {
    short: 'The ONNX model cannot be parsed',
    help: `The ONNX protobuf could not be read, so its graph, signature and external data were not checked and the smoke test could not run. Export the model again (torch.onnx.export, skl2onnx). ${NOT_VOUCHED}`,
    section: 'what-passes-the-gate',
  },
  'onnx.external-data-escape': {
    short: 'An ONNX tensor whose external data lies outside the model directory',
    help: 'A tensor names an external data file outside the model directory (an absolute path or one that climbs with ..): loading reads that file. Re-export with the external data beside the model (save_as_external_data with a relative location).',
    section: 'what-is-detected',
  },
  'onnx.external-data-missing': {
    short: 'An ONNX tensor whose external data file is missing',
    help: 'A tensor names an external data file that is not in the model directory: the model cannot load. Ship the .data file with the model (and fetch Git LFS content if it is stored there).',
    section: 'what-is-detected',
  },
  'mlflow.malformed': {
    short: 'An MLflow model whose MLmodel file cannot be read',
    help: `The MLmodel file is not valid YAML or lacks what MLflow needs (flavors), so the model's flavor and signature are unknown. Log the model again with mlflow.<flavor>.log_model. ${NOT_VOUCHED}`,
    section: 'what-passes-the-gate',
  },
  // What passes the gate.
  'file.git-lfs-pointer': {
    short: 'A Git LFS pointer instead of the model: the checkout did not fetch LFS content',
    help: 'The repository stores the model with Git LFS and the checkout left the pointer file. Check out with `lfs: true` (actions/checkout) or run `git lfs pull` before validating.',
    section: 'what-passes-the-gate',
  },
  'model.nothing-scanned': {
    short: 'Nothing in the model could be checked: the gate does not pass what it could not read',
    help: 'No file of the model is in a format the scanner reads (pickle, joblib, PyTorch, ONNX, safetensors, Keras, HDF5, GGUF, NumPy, XGBoost, LightGBM, zip, tar, compressed streams). Point model-path at the model file or directory.',
    section: 'what-passes-the-gate',
  },
  'format.name-mismatch': {
    short: 'The file name says one model format but the bytes are another, or none',
    help: `The extension promises a format the bytes do not have: a truncated download, a wrong file, or a file disguised as another. Replace it with the real model file. ${NOT_VOUCHED}`,
    section: 'what-passes-the-gate',
  },
  'format.polyglot': {
    short: 'A file that is two formats at once',
    help: `The file reads as one format from its start and as a zip archive from its end; loaders disagree on what it is (both readings were scanned). Real model files are one format: replace it with the file your training job wrote. ${NOT_VOUCHED}`,
    section: 'what-passes-the-gate',
  },
  'format.unrecognized': {
    short: 'A binary file in no format the scanner recognises: its content was not checked',
    help: 'The scanner cannot vouch for a file it cannot read. If a loader reads it as a model, convert the model to a recognised format; otherwise remove it from the model directory.',
    section: 'what-passes-the-gate',
  },
  // The model directory.
  'fs.unreadable': {
    short: 'A file or directory of the model could not be read',
    help: `Reading failed (permissions, a vanished file, an I/O error), so it was not checked. Make the model readable by the job and run again. ${NOT_VOUCHED}`,
    section: 'what-passes-the-gate',
  },
  'fs.special-file': {
    short: 'A device, FIFO or socket where a model file was expected',
    help: `model-path (or an entry under it) is neither a regular file nor a directory; it was not opened. Point model-path at the model file or directory. ${NOT_VOUCHED}`,
    section: 'what-passes-the-gate',
  },
  'fs.too-many-files': {
    short: 'The model directory holds more files than the scan bound',
    help: `The files past the bound were not scanned. Point model-path at the model's own directory rather than a whole tree, or raise the bound. ${NOT_VOUCHED}`,
    section: 'what-passes-the-gate',
  },
  'fs.symlink': {
    help: 'A symlink inside the model directory points at another place inside it; it is not followed, and its target is scanned where it lives. Nothing to do.',
    section: 'what-passes-the-gate',
  },
  'fs.dangling-symlink': {
    help: 'A symlink in the model directory resolves to nothing. Remove it, or ship the file it should point at.',
    section: 'what-passes-the-gate',
  },
  'fs.symlink-escape': {
    short: 'A symlink in the model directory points outside it',
    help: 'Packaging the directory would ship the file the link points at (a key, a credential file) as part of the model. Remove the link and copy in the file it should hold.',
    section: 'what-passes-the-gate',
  },
  // Zip.
  'zip.bad-central-directory': { short: "A zip archive whose central directory does not fit the file", help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.bad-local-header': { short: 'A zip entry with no local header where the directory points', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.corrupt-member': { short: 'A zip member that cannot be decompressed', help: `The member's compressed data is corrupt, so its content was not checked. ${RESAVE} ${NOT_VOUCHED}`, section: 'zip-handling' },
  'zip.crc-mismatch': { short: 'A zip member whose content does not match its CRC-32', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.duplicate-name': { short: 'Two zip entries with the same name', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.encrypted': { short: 'An encrypted zip entry', help: `Encrypted entries cannot be checked (readers that ignore the flag see the stored bytes, which were scanned as if plain). Ship the model unencrypted; protect it with access control instead. ${NOT_VOUCHED}`, section: 'zip-handling' },
  'zip.entry-count-mismatch': { short: 'A zip archive whose end record and directory disagree on the entry count', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.entry-out-of-bounds': { short: "A zip entry whose data runs into the central directory", help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.header-mismatch': { short: 'A zip entry whose local header disagrees with the central directory', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.local-only-entry': { short: 'A zip entry only streaming readers see', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.nested-too-large': { short: 'A nested archive larger than the scan bound', help: `An archive inside the archive is larger than the bound for nested archives, so it was not scanned. Ship the inner archive as its own file, or unpack it. ${NOT_VOUCHED}`, section: 'zip-handling' },
  'zip.nesting-too-deep': { short: 'Archives nested deeper than the scan bound', help: `Archives nested this deep are a zip-bomb construction, and the innermost ones were not scanned. Ship the model as one archive level. ${NOT_VOUCHED}`, section: 'zip-handling' },
  'zip.no-central-directory': { short: 'A zip archive with no end-of-central-directory record', help: `The archive is truncated or forged: readers that need the directory refuse it, streaming readers see its local entries (scanned). ${RESAVE} ${NOT_VOUCHED}`, section: 'zip-handling' },
  'zip.overlapping-entries': { short: 'Zip entries that overlap (a zip-bomb construction)', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.size-mismatch': { short: 'A zip member that inflates to another size than the directory says', help: RECREATE_ZIP, section: 'zip-handling' },
  'zip.unaccounted-data': { short: 'Bytes inside a zip archive that belong to no entry', help: 'Bytes between entries belong to no entry: a custom loader could read them. Pickles hidden there are searched for up to a bound; past it (malformed) they were not all searched. Re-create the archive with a standard tool.', section: 'zip-handling' },
  'zip.unsupported-method': { short: 'A zip member compressed with a method the scanner does not read', help: `Members stored or compressed with deflate, bzip2, LZMA, zstd or xz are read; this method is none of them, so the member was not checked. Re-create the archive with deflate (what torch.save, Keras and numpy.savez write). ${NOT_VOUCHED}`, section: 'zip-handling' },
  'zip.prefix-data': { help: 'Bytes precede the zip archive: loaders that read from the start of the file see them (they were scanned if they hold a pickle). Re-create the archive without the prefix.', section: 'zip-handling' },
  'zip.trailing-data': { help: 'Bytes follow the end of the zip archive (scanned if they hold a pickle); loaders that read from the end may ignore them. Re-create the archive without them.', section: 'zip-handling' },
  'zip.unsafe-path': { help: 'An entry name is absolute or climbs with ..: extracting the archive with a naive tool writes outside the target directory. Re-create the archive with relative names.', section: 'zip-handling' },
  // Tar.
  'tar.bad-header': { short: 'A tar header that does not parse', help: RECREATE_TAR, section: 'tar-handling' },
  'tar.truncated': { short: 'A tar archive that ends early', help: `The archive ends inside a header or member. ${RESAVE} ${NOT_VOUCHED}`, section: 'tar-handling' },
  'tar.ambiguous-size': { short: 'A tar member whose size readers disagree on', help: RECREATE_TAR, section: 'tar-handling' },
  'tar.unsupported-member': { short: 'A GNU sparse tar member', help: `Sparse members are not reassembled here, so the content was not checked. Re-create the archive without --sparse. ${NOT_VOUCHED}`, section: 'tar-handling' },
  'tar.path-traversal': {
    short: 'A tar member path that is absolute or climbs with ..: extracting the archive writes outside its directory',
    help: 'Extracting the archive writes outside its directory (the tarfile path-traversal class of bugs). Re-create the archive with relative paths.',
    section: 'tar-handling',
  },
  'tar.link-escape': {
    short: 'A tar symlink or hardlink that points outside the archive: extraction reaches files elsewhere',
    help: 'Extraction, or a later write through the link, reaches files outside the archive. Re-create the archive without links that leave it.',
    section: 'tar-handling',
  },
  'tar.duplicate-name': { help: 'A member name appears more than once: extraction keeps the last one (all were scanned). Re-create the archive with one member per name.', section: 'tar-handling' },
  'tar.trailing-data': { help: 'Non-zero bytes follow the end-of-archive block: tar readers ignore them, a custom loader could read them. Re-create the archive.', section: 'tar-handling' },
  'tar.unknown-type': { help: "A member type is not a standard tar type; tarfile reads it as a regular file and it was scanned as one. Re-create the archive with a standard tool.", section: 'tar-handling' },
  // Compressed streams and other containers.
  'archive.unsupported-format': {
    short: 'An archive or compression format the scanner does not walk: a loader could extract and unpickle what it holds, unchecked',
    help: 'The file is a 7-Zip, RAR or other archive or compression format the scanner does not read, so whatever it holds was not checked. Ship the model as a plain file, zip or tar (optionally gzip, bz2, xz, lzma, zstd or lz4 compressed): those are walked.',
    section: 'compression-and-other-containers',
  },
  'archive.unreadable-stream': {
    short: 'A compressed stream too large in memory to read within bounds: what it holds was not checked',
    help: 'The stream asks for a decoder window or dictionary over the bound the scanner reads within (zstd 128 MiB, xz/lzma 96 MiB of decoder memory). Re-compress with default settings.',
    section: 'compression-and-other-containers',
  },
  'archive.corrupt-stream': { short: 'A compressed stream that is corrupt or truncated', help: `The compressed data could not be decoded to its end, so the rest was not checked. ${RESAVE} ${NOT_VOUCHED}`, section: 'compression-and-other-containers' },
  'archive.decompression-limit': { short: 'A compressed stream that inflates past the decompression bound', help: `The content inflates past the bound (a decompression bomb, or a very large model): the rest was not scanned. Ship large models uncompressed or as safetensors, or raise the bound. ${NOT_VOUCHED}`, section: 'compression-and-other-containers' },
  'archive.nesting-too-deep': { short: 'Archives or compressed streams nested deeper than the scan bound', help: `The innermost layers were not scanned. Ship the model with at most one archive and one compression around it. ${NOT_VOUCHED}`, section: 'compression-and-other-containers' },
  'archive.compression-ratio': { help: 'A member inflates more than 250:1: the shape of a zip bomb (decompression stays bounded, so the scan is safe). Real weights rarely compress that well; check where the file came from.', section: 'compression-and-other-containers' },
};
