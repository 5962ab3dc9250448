import { checkText, forbiddenCharacter } from '@hotline/api/services';
import { describe, expect, it } from 'vitest';

describe('forbiddenCharacter', () => {
  it.each([
    ['plain text', '路灯不亮 Water leak', null],
    ['tab, newline and carriage return', 'a\tb\nc\r\n', null],
    ['a paired surrogate (emoji)', '😀', null],
    ['NUL', 'a\u0000b', 'U+0000'],
    ['backspace', '\u0008', 'U+0008'],
    ['vertical tab', '\u000b', 'U+000B'],
    ['form feed', '\u000c', 'U+000C'],
    ['escape', '\u001b[31m', 'U+001B'],
    ['unit separator', '\u001f', 'U+001F'],
    ['DEL', '\u007f', 'U+007F'],
    ['a lone high surrogate', 'x\ud83d', 'U+D83D'],
    ['a lone low surrogate', '\ude00x', 'U+DE00'],
    ['swapped surrogates', '\ude00\ud83d', 'U+DE00'],
  ])('%s: %j', (_name, text, expected) => {
    expect(forbiddenCharacter(text)).toBe(expected);
  });
});

describe('checkText', () => {
  it('refuses control characters for callers outside GraphQL too (workers, seed), naming the field', () => {
    expect(() => checkText('title', '路灯\u0000')).toThrow(/title contains a control character \(U\+0000\)/);
    expect(checkText('description', ' 第一行\n\t第二行 ')).toBe('第一行\n\t第二行');
  });
});
