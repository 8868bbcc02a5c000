// Parser agreement with CPython over the real frameworks' sources: no .py file of the installed tensorflow, keras and
// torch that FG_PYTHON's CPython parses may get an error node from our grammar (bench/parserAgreement.ts prints the table).
import * as assert from 'assert';
import { benchParserAgreement, sitePackagesOf } from '../../bench/parserAgreement';
import { realPython, REPO_ROOT } from './jobs';

suite('real: the Python parser agrees with CPython on tensorflow, keras and torch', () => {
  test('every .py file CPython parses has no error node', function () {
    this.timeout(600_000);
    const python = realPython();
    const { table, falseErrors } = benchParserAgreement(python, sitePackagesOf(python), { repoRoot: REPO_ROOT, withUpstream: false });
    const parsed = Number(table.rows[1][2]);
    assert.ok(parsed > 1000, `CPython parsed ${parsed} files: are tensorflow, keras and torch installed?`);
    assert.deepStrictEqual(falseErrors, [], `files with a false syntax error: ${falseErrors.slice(0, 20).join(', ')}`);
  });
});
