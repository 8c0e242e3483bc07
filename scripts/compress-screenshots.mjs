// Shrinks the README screenshots (media/screenshots/*.png): pngquant to a palette of at most 256
// colours without dithering (flat UI colours; the text stays sharp), then zopflipng's stronger
// deflate. 12 screenshots: 2,134 KB → 697 KB → 634 KB, which takes the .vsix (it ships the README
// and its images for the extension's page in VS Code) from 2.45 MB to under 1 MB.
// Run by `npm run screenshots` after the screenshots are retaken; Debian's `pngquant` and `zopfli`.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'media/screenshots');
const files = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
const total = () => files.reduce((sum, f) => sum + statSync(f).size, 0);
const before = total();
try {
  // --skip-if-larger keeps an image pngquant cannot shrink (exit 98/99 for those: not an error here).
  execFileSync('pngquant', ['--nofs', '--quality', '60-85', '--speed', '1', '--strip', '--skip-if-larger', '--force', '--ext', '.png', ...files], { stdio: 'inherit' });
} catch (error) {
  if (error.code === 'ENOENT') {
    console.error('screenshots: pngquant is not installed, so the screenshots stay uncompressed: apt-get install pngquant');
    process.exit(1);
  }
  if (error.status !== 98 && error.status !== 99) throw error;
}
for (const file of files) {
  try {
    execFileSync('zopflipng', ['-y', '--lossy_transparent', file, file], { stdio: 'ignore' });
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    console.error('screenshots: zopflipng is not installed, so the screenshots are a little larger: apt-get install zopfli');
    break;
  }
}
console.log(`screenshots: ${files.length} images, ${(before / 1024).toFixed(0)} KB → ${(total() / 1024).toFixed(0)} KB`);
