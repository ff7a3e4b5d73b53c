/**
 * `npm run bench`: runs every benchmark and prints its figures. Each bench/<name>.ts exports run().
 * `npm run bench -- staffing forecast` runs only those.
 */
const ALL = ['staffing', 'forecast', 'queue-log', 'schedule', 'work-orders'] as const;

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : [...ALL];
let failed = 0;
for (const name of names) {
  const file = new URL(`./${name}.ts`, import.meta.url);
  let mod: { run?: () => Promise<void> };
  try {
    mod = await import(file.href);
  } catch (err) {
    console.log(`\n== ${name}: not available (${(err as Error).message.split('\n')[0]})`);
    continue;
  }
  if (typeof mod.run !== 'function') continue;
  console.log(`\n== ${name}`);
  const t0 = performance.now();
  try {
    await mod.run();
  } catch (err) {
    failed++;
    console.log(`${name} failed: ${(err as Error).stack ?? err}`);
  }
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed > 0 ? 1 : 0;
