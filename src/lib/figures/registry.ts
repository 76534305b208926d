/**
 * Every figure of the report, by the name its chapter uses. Each figure's file exports its
 * definition (figureDef.ts says what one is); the build pre-renders each with default parameters
 * and the browser re-runs the same steps when a control moves.
 */
import type { FigureDef } from './figureDef.ts';
import { scoreSellFigure } from './scoreSell.ts';
import { scoreSizeFigure, scoreDistributionFigure } from './scoreSize.ts';
import { celebrityFigure } from './celebrity.ts';
import { scoreboardFigure } from './scoreboard.ts';
import { wrongTopicsFigure } from './wrongTopics.ts';
import { gamingFigure } from './gaming.ts';
import { fairnessFigure } from './fairness.ts';
import { budgetFigure } from './budget.ts';

export { dependencies, type FigureDef } from './figureDef.ts';

export const FIGURES = {
  'score-size': scoreSizeFigure,
  'score-distribution': scoreDistributionFigure,
  'score-sell': scoreSellFigure,
  celebrity: celebrityFigure,
  scoreboard: scoreboardFigure,
  'wrong-topics': wrongTopicsFigure,
  gaming: gamingFigure,
  fairness: fairnessFigure,
  budget: budgetFigure,
} as Record<string, FigureDef<any>>;
