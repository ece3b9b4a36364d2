/**
 * Prints one closing line that any CI can read ("jest: N passed, N failed, N skipped") and fails
 * the run when no test ran or every test was skipped: a green run that tested nothing is a bug.
 */
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\njest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    if (passed === 0 && failed === 0) {
      process.stderr.write('no test ran (all skipped or none found): failing the run\n');
      results.success = false;
      process.exitCode = 1;
    }
  }
}
module.exports = ClosingLineReporter;
