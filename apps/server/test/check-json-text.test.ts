import { describe, expect, it } from 'vitest';
import { checkJsonText } from '../src/http/check-json-text';

const check =
  (text: string, max = 3) =>
  () =>
    checkJsonText(Buffer.from(text), max);

describe('checkJsonText', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(check('[[[1]]]')).not.toThrow();
    expect(check('{"a":{"b":[{}]}}')).toThrow(/deeper than 3/);
  });

  it('does not count brackets or escaped quotes inside strings', () => {
    expect(check('{"a":"[[[[[{{{{"}')).not.toThrow();
    expect(check('{"a":"\\"[[[[["}')).not.toThrow();
  });

  it('refuses an escaped NUL character but not a literal backslash-u0000 text', () => {
    expect(check('{"a":"x\\u0000"}')).toThrow(/NUL/);
    expect(check('{"a":"x\\\\u0000"}')).not.toThrow();
  });

  it('refuses unpaired surrogates and accepts pairs and ordinary escapes', () => {
    expect(check('{"a":"\\ud800"}')).toThrow(/surrogate/);
    expect(check('{"a":"\\udc00x"}')).toThrow(/surrogate/);
    expect(check('{"a":"\\ud83d\\ude00 \\u00e9 \\u2028"}')).not.toThrow();
  });
});
