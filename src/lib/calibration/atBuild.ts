/** The published world's calibration, as the data step wrote it beside its DuckDB file (data/build.ts). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { worldDbPath } from '../db/world.ts';
import type { Calibration } from '../../../data/sim/calibration.ts';

export const calibrationPath = (): string => join(dirname(worldDbPath()), 'calibration.json');

export function calibrationAtBuild(): Calibration {
  return JSON.parse(readFileSync(calibrationPath(), 'utf8')) as Calibration;
}
