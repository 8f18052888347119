/**
 * The engine's packer: core/engine/pack (best-fit-decreasing first, then improvement within the budget).
 * Its bound is the packer's bin-count bound (not its cost bound): plans report hosts against a host bound.
 */
import { binLowerBound } from './pack/bounds.ts';
import { pack } from './pack/pack.ts';
import type { Packer } from './types.ts';

export const defaultPacker: Packer = { pack, lowerBound: binLowerBound };
