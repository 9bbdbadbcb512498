// Ends a Jest run with one plain line, "jest: N passed, N failed, N skipped", that CI
// and people can read without parsing Jest's own summary.
class ClosingLine {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests } = results;
    process.stdout.write(
      `\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped\n`,
    );
  }
}

module.exports = ClosingLine;
