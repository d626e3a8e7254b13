import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customProperties, dropTableOfContents, flattenMath } from './ooxml.js';

test('Office Math becomes a run of its text, inline and display', () => {
  const inline = '<w:p><w:r><w:t>See </w:t></w:r><m:oMath><m:r><m:t>a</m:t></m:r><m:r><m:t>+</m:t></m:r><m:r><m:t>marker</m:t></m:r></m:oMath></w:p>';
  assert.equal(flattenMath(inline), '<w:p><w:r><w:t>See </w:t></w:r><w:r><w:t xml:space="preserve"> a+marker </w:t></w:r></w:p>');
  const display = '<w:p><m:oMathPara><m:oMathParaPr><m:jc m:val="center" /></m:oMathParaPr><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></m:oMathPara></w:p>';
  assert.equal(flattenMath(display), '<w:p><w:r><w:t xml:space="preserve"> x=1 </w:t></w:r></w:p>');
});

test('the table of contents goes, other content controls stay', () => {
  const toc = '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents" /></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Table of Contents</w:t></w:r></w:p></w:sdtContent></w:sdt>';
  const other = '<w:sdt><w:sdtPr><w:alias w:val="Abstract" /></w:sdtPr><w:sdtContent><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:sdtContent></w:sdt>';
  assert.equal(dropTableOfContents(`${toc}<w:p/>${other}`), `<w:p/>${other}`);
});

test('custom properties by lower-cased name', () => {
  const xml = '<Properties><property fmtid="x" pid="2" name="Date"><vt:lpwstr>March 5, 2021</vt:lpwstr></property><property name="doi"><vt:lpwstr>10.1/x</vt:lpwstr></property></Properties>';
  assert.deepEqual([...customProperties(xml)], [['date', 'March 5, 2021'], ['doi', '10.1/x']]);
});
