/**
 * Prints one closing line that any CI can read ("jest: N passed, N failed, N skipped") and fails
 * the run when no test ran or every test was skipped: a green run that tested nothing is a bug.
 * Before it, "jest harness self-tests: N passed, N failed, N skipped" counts the tests of the test
 * harness itself (test/harness-tests/), which scripts/test.sh keeps apart from the product's tests.
 */
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const harness = { passed: 0, failed: 0, skipped: 0 };
    for (const file of results.testResults) {
      if (!/[\\/]test[\\/]harness-tests[\\/]/.test(file.testFilePath)) continue;
      harness.passed += file.numPassingTests;
      harness.failed += file.numFailingTests + (file.testExecError ? 1 : 0);
      harness.skipped += file.numPendingTests + file.numTodoTests;
    }
    process.stdout.write(
      `\njest harness self-tests: ${harness.passed} passed, ${harness.failed} failed, ${harness.skipped} skipped\n`,
    );
    process.stdout.write(`jest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    if (passed === 0 && failed === 0) {
      process.stderr.write('no test ran (all skipped or none found): failing the run\n');
      results.success = false;
      process.exitCode = 1;
    }
  }
}
module.exports = ClosingLineReporter;
