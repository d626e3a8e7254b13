/**
 * ASCII folding for citation keys: NFKD (so a ligature "ﬁ" gives "fi" and "é" gives "e" plus a
 * combining mark, which is dropped), then the letters NFKD leaves whole (ß, æ, ø, ł, đ, þ, œ, ı)
 * spelled out; whatever is still not ASCII is dropped.
 */
const SPELLED: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'Th', œ: 'oe', Œ: 'OE', ı: 'i', ð: 'd', Ð: 'D',
};

export function foldAscii(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[ßæÆøØłŁđĐþÞœŒıðÐ]/g, (c) => SPELLED[c] ?? '')
    .replace(/[^\x20-\x7e]/g, '');
}
