/**
 * Typed access to the mocha globals that @web/test-runner provides in the browser, without a global
 * type declaration (the repository has no @types/mocha). Not a test file itself.
 */
export interface MochaTestContext {
  /** Marks the running test as skipped and stops it. */
  skip(): never;
  timeout(milliseconds: number): void;
}

type TestBody = (this: MochaTestContext) => void | Promise<unknown>;
type HookBody = () => void | Promise<unknown>;

interface MochaTestFunction {
  (title: string, body: TestBody): void;
  skip(title: string, body?: TestBody): void;
  only(title: string, body: TestBody): void;
}

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it: MochaTestFunction;
  before(body: HookBody): void;
  after(body: HookBody): void;
  beforeEach(body: HookBody): void;
  afterEach(body: HookBody): void;
}

const globals = globalThis as unknown as MochaGlobals;

export const describe = globals.describe;
export const it = globals.it;
export const before = globals.before;
export const after = globals.after;
export const beforeEach = globals.beforeEach;
export const afterEach = globals.afterEach;
