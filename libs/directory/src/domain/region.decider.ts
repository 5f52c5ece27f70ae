import { assertNever, assertNoProblems, checkText, checkTimestamp, type Decider, type DomainErrorDetail } from '@app/kernel';
import { checkRegionCode, NAME_MAX } from './directory-codes';
import type { RegionCommand, RegionEvent } from './region.messages';

export type RegionState = { status: 'unknown' } | { status: 'named'; code: string; name: string };

export const initialRegionState = (): RegionState => ({ status: 'unknown' });

export function evolveRegion(state: RegionState, event: RegionEvent): RegionState {
  switch (event.type) {
    case 'region.named':
    case 'region.renamed':
      return { status: 'named', code: event.data.code, name: event.data.name };
    default:
      return assertNever(event, 'region event');
  }
}

/** Names an unknown region, renames a named one; the same name again changes nothing (no event). */
export function decideRegion(command: RegionCommand, state: RegionState): RegionEvent[] {
  const problems: DomainErrorDetail[] = [];
  checkRegionCode(problems, 'code', command.data.code);
  checkText(problems, 'name', command.data.name, NAME_MAX);
  checkTimestamp(problems, 'at', command.data.at);
  assertNoProblems('invalid_command', problems);
  const { code, at } = command.data;
  const name = command.data.name.trim();
  if (state.status === 'unknown') return [{ type: 'region.named', data: { code, name, at } }];
  if (state.name === name) return [];
  return [{ type: 'region.renamed', data: { code, name, previousName: state.name, at } }];
}

/** A region (行政区划): its six-digit code and its name (市本级, 越城区, …). */
export const regionDecider: Decider<RegionCommand, RegionEvent, RegionState> = {
  initialState: initialRegionState,
  evolve: evolveRegion,
  decide: decideRegion,
};
