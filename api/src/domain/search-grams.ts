/**
 * Search terms of a Chinese (or mixed) text, without a tokenizer: overlapping character bigrams of
 * each run of Han characters (the way CJK search engines index text), and whole words of other
 * letters and digits. Words that say nothing about the subject ("请问", "怎么") are left out.
 */
const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Bigrams of filler common to every caller's question; they only add noise to relevance. */
const STOP_GRAMS = new Set([
  '请问',
  '您好',
  '你好',
  '我们',
  '我想',
  '想问',
  '问一',
  '一下',
  '怎么',
  '么办',
  '什么',
  '可以',
  '是否',
  '如何',
  '有没',
  '没有',
  '这个',
  '那个',
  '我家',
  '我的',
  '已经',
  '现在',
  '需要',
  '咨询',
  '反映',
  '问题',
  '情况',
  '一个',
  '的时',
  '时候',
  '能不',
  '不能',
]);

/** At most this many terms: a long description is searched by its first ones. */
export const MAX_SEARCH_GRAMS = 80;

export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  const add = (gram: string) => {
    if (!STOP_GRAMS.has(gram)) grams.add(gram);
  };
  let han = '';
  let word = '';
  const flushHan = () => {
    const chars = [...han];
    for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!);
    han = '';
  };
  const flushWord = () => {
    if ([...word].length >= 2) add(word);
    word = '';
  };
  for (const char of text.toLowerCase()) {
    if (HAN.test(char)) {
      flushWord();
      han += char;
    } else if (WORD_CHAR.test(char)) {
      flushHan();
      word += char;
    } else {
      flushHan();
      flushWord();
    }
    if (grams.size >= MAX_SEARCH_GRAMS) break;
  }
  flushHan();
  flushWord();
  return [...grams].slice(0, MAX_SEARCH_GRAMS);
}
