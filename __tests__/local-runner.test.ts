import { inputEnvName, parseKeyValueFile, parseWorkflowCommand } from '../scripts/local-runner.js';

describe('local runner command files', () => {
  it('reads name=value lines and the multi-line delimiter form', () => {
    const text = 'a=1\nreport<<ghadelimiter_5\n{\n  "x": 1\n}\nghadelimiter_5\nb=x=y\n';
    expect(parseKeyValueFile(text)).toEqual({ a: '1', report: '{\n  "x": 1\n}', b: 'x=y' });
  });

  it('rejects a value whose delimiter never closes', () => {
    expect(() => parseKeyValueFile('a<<EOF\nno end\n')).toThrow(/delimiter EOF never closed/);
  });

  it('mangles input names like the runner', () => {
    expect(inputEnvName('go-version file')).toBe('INPUT_GO-VERSION_FILE');
  });

  it('decodes workflow commands and their escaped properties', () => {
    expect(parseWorkflowCommand('::error file=a%3Ab.go,line=3::bad%0Athing %25')).toEqual({
      command: 'error',
      properties: { file: 'a:b.go', line: '3' },
      message: 'bad\nthing %',
    });
    expect(parseWorkflowCommand('plain text')).toBeUndefined();
  });
});
