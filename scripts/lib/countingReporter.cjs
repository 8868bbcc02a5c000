// Mocha reporter: the usual spec output, plus the counts (and the failed tests' titles and first error lines) written as
// JSON to $FG_TEST_RESULTS for the summary, so a failure in a long run can be found without scrolling back.
const fs = require('fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failed = [];
    runner.on('fail', (test, err) => failed.push({ title: test.fullTitle(), error: String((err && err.message) || err).split('\n')[0].slice(0, 300) }));
    runner.once('end', () => {
      const s = runner.stats;
      if (process.env.FG_TEST_RESULTS) {
        fs.writeFileSync(process.env.FG_TEST_RESULTS, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending, tests: s.tests, duration: s.duration, failed }));
      }
    });
  }
}
module.exports = CountingReporter;
