// Finding (and, on a Debian CI box running as root, installing) the Chromium the browser tests use.
// Browsers cannot be downloaded by npm here: Debian's `chromium` package or CHROME_PATH it is.
import { existsSync } from 'node:fs';
import { installDebianPackage, isExecutable, runningAsRoot } from './provision.mjs';

/** Well-known locations, checked in order after CHROME_PATH. */
export const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export { runningAsRoot };

/**
 * The path of a usable Chromium/Chrome: CHROME_PATH when set (an invalid CHROME_PATH is an error, not
 * something to silently ignore), otherwise the first well-known location that exists.
 * Returns undefined when none is found.
 */
export function findChromium({ env = process.env } = {}) {
  if (env.CHROME_PATH) {
    if (!isExecutable(env.CHROME_PATH)) {
      throw new Error(`CHROME_PATH is set to "${env.CHROME_PATH}", which is not an executable file. Fix or unset it.`);
    }
    return env.CHROME_PATH;
  }
  return chromiumCandidates.find((candidate) => existsSync(candidate) && isExecutable(candidate));
}

/** Command-line switches for headless Chromium on CI machines and in containers. */
export function chromiumArgs() {
  return [
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // A fake microphone and camera that need no permission prompt: voice notes are recorded in tests.
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ];
}

const howToGetABrowser = `No Chromium or Chrome found for the browser tests.
  Either install one:
    Debian/Ubuntu:  sudo apt-get install -y chromium
    Fedora:         sudo dnf install chromium
    macOS:          brew install --cask chromium   (or install Google Chrome)
  or point CHROME_PATH at an existing Chrome/Chromium binary:
    CHROME_PATH=/path/to/chrome npm test
  (npm cannot download a browser here: \`npx playwright install\` is not available.)`;

/**
 * Finds Chromium; when there is none and we run as root on a system with apt-get, installs Debian's
 * `chromium` package (saying so). Otherwise throws an Error whose message explains how to get one.
 * Sets process.env.CHROME_PATH so child processes (web-test-runner, e2e tests) use the same binary.
 */
export function ensureChromium({ log = console.log } = {}) {
  const chromePath = installDebianPackage({ packageName: 'chromium', find: () => findChromium(), howTo: howToGetABrowser, log, noRecommends: false });
  process.env.CHROME_PATH = chromePath;
  return chromePath;
}
