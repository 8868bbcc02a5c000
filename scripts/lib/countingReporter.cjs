// Mocha reporter: the usual spec output, plus the counts written as JSON to $FG_TEST_RESULTS for the summary line.
const fs = require('fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const s = runner.stats;
      if (process.env.FG_TEST_RESULTS) {
        fs.writeFileSync(process.env.FG_TEST_RESULTS, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending, tests: s.tests, duration: s.duration }));
      }
    });
  }
}
module.exports = CountingReporter;
