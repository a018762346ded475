// Loaded into a host started by a test (node --import): stands in for the build's version constant, and on SIGUSR2
// fails the way DUTY_CONSOLE_TEST_CRASH says, outside any handler, as a bug would.
globalThis.__APP_VERSION__ = '9.9.9-test';
process.on('SIGUSR2', () => {
  if (process.env.DUTY_CONSOLE_TEST_CRASH === 'rejection') void Promise.reject(new Error('a promise nobody awaited'));
  else setImmediate(() => { throw new Error('a bug nobody caught'); });
});
