// `newsclean decode <file>`, run through the built CLI on real-shaped legacy files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from './helpers.js';

const OWN = join(ROOT, 'test/fixtures/charset-own');
const QQ = join(ROOT, 'test/fixtures/benchmark-metadata/pages/readability-qq.html.gz');
const dir = tempDir('decode');

const json = (args: string[]) => {
  const r = cli(['decode', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { encoding: string; decidedBy: string; text: string };
};

describe('newsclean decode', () => {
  it.each([
    ['windows-1251-uk-4000', 'windows-1251'],
    ['koi8-r-ru-1500', 'koi8-r'],
    ['shift_jis-ja-1500', 'cp932'],
    ['iso-2022-jp-ja-1500', 'iso-2022-jp'],
    ['windows-1256-ar-4000', 'windows-1256'],
  ])('prints an undeclared %s text file exactly as it was written', (id, encoding) => {
    const file = join(OWN, 'files', `${id}.txt`);
    const expected = readFileSync(join(OWN, 'expected', `${id}.txt`), 'utf8');
    const r = cli(['decode', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(json([file, '--json'])).toEqual({ encoding, decidedBy: 'detected', text: expected });
  });

  it('follows the <meta charset> of a legacy page and keeps its markup and entities as they are', () => {
    // A real gb2312 page (tencent news), saved in the charset it declares.
    const html = gunzipSync(readFileSync(QQ)).toString('utf8');
    const file = join(dir, 'qq.html');
    writeFileSync(file, iconv.encode(html, 'gbk'));
    const r = cli(['decode', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网</title>');
    expect(r.stdout).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />');
    // Exactly the page, but for the few characters GBK cannot hold (© became ? when it was saved).
    expect(r.stdout.trim()).toBe(iconv.decode(iconv.encode(html, 'gbk'), 'gbk').trim());
    expect(json([file, '--json'])).toMatchObject({ encoding: 'gbk', decidedBy: 'meta' });
  });

  it('reads the same page as UTF-8 when its bytes are UTF-8 whatever it declares (as the page was vendored)', () => {
    const file = join(dir, 'qq-utf8.html');
    writeFileSync(file, gunzipSync(readFileSync(QQ)));
    expect(json([file, '--json'])).toMatchObject({ encoding: 'utf-8', decidedBy: 'utf8' });
  });

  it('takes the charset of --content-type over the page, as a WARC record or sidecar would give it', () => {
    const file = join(dir, 'news.html');
    const page = '<html><head><meta charset="koi8-r"><title>Новости</title></head><body><p>Правительство утвердило бюджет.</p></body></html>';
    writeFileSync(file, iconv.encode(page, 'windows-1251'));
    expect(json([file, '--json', '--content-type', 'text/html; charset=windows-1251'])).toEqual({ encoding: 'windows-1251', decidedBy: 'http', text: page });
    expect(json([file, '--json'])).toMatchObject({ encoding: 'koi8-r', decidedBy: 'meta' });
  });

  it('repairs mojibake line by line, leaving correct lines alone', () => {
    const file = join(dir, 'dump.txt');
    writeFileSync(file, 'Le cafÃ© est fermÃ© aprÃ¨s midi.\nZoë’s “naïve” café &amp; crème stays.\n');
    const r = cli(['decode', file]);
    expect(r.stdout).toBe('Le café est fermé après midi.\nZoë’s “naïve” café &amp; crème stays.\n');
  });

  it('drops a BOM and reads UTF-16 without one', () => {
    const file = join(dir, 'utf16.txt');
    writeFileSync(file, iconv.encode('Ünïcode line one.\nLine two.\n', 'utf-16le'));
    expect(json([file, '--json'])).toEqual({ encoding: 'utf-16le', decidedBy: 'detected', text: 'Ünïcode line one.\nLine two.\n' });
    const bom = join(dir, 'bom.html');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Hé</p>')]));
    expect(json([bom, '--json'])).toEqual({ encoding: 'utf-8', decidedBy: 'bom', text: '<p>Hé</p>' });
  });

  it('treats a file that starts like a page as HTML whatever its extension (its <meta> counts)', () => {
    const file = join(dir, 'saved-page');
    writeFileSync(file, iconv.encode('<!DOCTYPE html><html><head><meta charset="iso-8859-5"></head><body><p>Министерство</p></body></html>', 'iso-8859-5'));
    expect(json([file, '--json'])).toMatchObject({ encoding: 'iso-8859-5', decidedBy: 'meta' });
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, 'A note about <meta charset="koi8-r"> tags, in ASCII.\n');
    expect(json([txt, '--json'])).toMatchObject({ encoding: 'utf-8', decidedBy: 'utf8' });
  });

  it('says in one line why a file has no text, with exit code 2', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = cli(['decode', empty]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`newsclean: ${empty}: empty_input: the file has no bytes\n`);
    const png = join(dir, 'x.html');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect(cli(['decode', png]).stderr).toMatch(/binary_input: the file looks like a PNG image/);
  });

  it('refuses a missing file, a second file and unknown options', () => {
    expect(cli(['decode', join(dir, 'nope.txt')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^newsclean: file not found: .*nope\.txt\n$/) });
    expect(cli(['decode', 'a', 'b']).code).toBe(2);
    expect(cli(['decode', '--frobnicate', 'a']).stderr).toMatch(/unknown option '--frobnicate'/);
    expect(cli(['decode']).stderr).toMatch(/decode takes one file/);
  });

  it('explains itself with --help and is listed in the command list', () => {
    const r = cli(['decode', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: newsclean decode <file>\[#<n>\] \[--json\] \[--content-type <value>\] \[--pipeline <file>\]/);
    expect(cli(['--help']).stdout).toMatch(/\n {2}decode {4}print one file's text/);
  });

  describe('through the same readers as run', () => {
    const C = join(ROOT, 'test/fixtures/containers');
    const json = (arg: string) => {
      const r = cli(['decode', '--json', arg]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { encoding: string; decidedBy: string; text: string };
    };

    it('a record of a WARC file, named as in the records, by the charset of its HTTP header', () => {
      const d = json(join(C, 'crawl.warc.gz#8'));
      expect(d).toMatchObject({ encoding: 'windows-1251', decidedBy: 'http' });
      expect(d.text).toContain('<title>Городской совет утвердил бюджет на 2025 год</title>');
    });

    it("a page with a sidecar, by the sidecar's Content-Type; a .gz page inflated", () => {
      expect(json(join(C, 'story.html'))).toMatchObject({ encoding: 'windows-1251', decidedBy: 'http' });
      const fete = json(join(C, 'fete.html.gz'));
      expect(fete).toMatchObject({ encoding: 'windows-1252', decidedBy: 'meta' });
      expect(fete.text).toContain('La fête du village');
    });

    it('a container without a record number, or a number that is no document: one line, exit 2', () => {
      const whole = cli(['decode', join(C, 'crawl.warc.gz')]);
      expect(whole.code).toBe(2);
      expect(whole.stderr).toMatch(/holds several documents: name one as .*crawl\.warc\.gz#<n>/);
      const request = cli(['decode', join(C, 'crawl.warc.gz#2')]);
      expect(request.code).toBe(2);
      expect(request.stderr).toMatch(/has no document #2/);
      const cut = cli(['decode', join(C, 'truncated.warc.gz#10')]);
      expect(cut.stderr).toMatch(/truncated_input/);
    });
  });
});
