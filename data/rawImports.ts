/**
 * Let plain Node import `x.sql?raw` as Vite does (a module whose default export is the file's
 * text), so the data step (the break-even sweep) and the benchmark run the shared SQL catalog outside Vite. Register before importing it.
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:') && url.endsWith('?raw')) {
      const text = readFileSync(fileURLToPath(url.slice(0, -'?raw'.length)), 'utf8');
      return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
    }
    return next(url, context);
  },
});
