// `npm run package`: the Chrome and Firefox store zips in packages/, after web-ext lint passes on the Firefox build.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync('packages', { recursive: true, force: true });
run('npx', ['vite', 'build']);
run('npx', ['vite', 'build', '--mode', 'firefox']);
run('npx', ['web-ext', 'lint', '--source-dir', 'dist-firefox']);
for (const [dir, name] of [['dist', `incident-clipper-chrome-${version}.zip`], ['dist-firefox', `incident-clipper-firefox-${version}.zip`]]) {
  run('npx', ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', 'packages', '--filename', name, '--overwrite-dest']);
}
console.log('Store packages written to packages/.');
