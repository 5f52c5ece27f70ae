import { assertNever } from '@app/kernel';
import type { MatterEvent } from './matter.events';
import type { MatterState } from './matter.state';

/**
 * Applies one event. Total over (state, event) pairs that `decide` can produce; an event that does
 * not fit the state (a corrupted stream) leaves the state unchanged rather than guessing.
 */
export function evolveMatter(state: MatterState, event: MatterEvent): MatterState {
  const { type, data } = event;
  switch (type) {
    case 'matter.registered':
      return {
        status: 'draft',
        matterId: data.matterId,
        code: data.code,
        elements: data.elements,
        history: { versions: [], statusPeriods: [] },
        lastAt: data.at,
      };
    case 'matter.published': {
      if (state.status !== 'draft') return state;
      const latest = { version: data.version, effectiveFrom: data.effectiveFrom, elements: data.elements };
      return {
        status: 'published',
        matterId: state.matterId,
        code: state.code,
        latest,
        history: { versions: [latest], statusPeriods: [{ status: 'published', from: data.effectiveFrom }] },
        lastAt: data.at,
      };
    }
    case 'matter.revised': {
      if (state.status !== 'published' && state.status !== 'suspended') return state;
      const latest = { version: data.version, effectiveFrom: data.effectiveFrom, elements: data.elements };
      return { ...state, latest, history: { ...state.history, versions: [...state.history.versions, latest] }, lastAt: data.at };
    }
    case 'matter.suspended':
      if (state.status !== 'published') return state;
      return {
        ...state,
        status: 'suspended',
        reason: data.reason,
        history: {
          ...state.history,
          statusPeriods: [...state.history.statusPeriods, { status: 'suspended', from: data.effectiveFrom, reason: data.reason }],
        },
        lastAt: data.at,
      };
    case 'matter.resumed': {
      if (state.status !== 'suspended') return state;
      const { reason: _reason, ...rest } = state;
      return {
        ...rest,
        status: 'published',
        history: { ...state.history, statusPeriods: [...state.history.statusPeriods, { status: 'published', from: data.effectiveFrom }] },
        lastAt: data.at,
      };
    }
    case 'matter.retired': {
      if (state.status === 'none' || state.status === 'retired') return state;
      return {
        status: 'retired',
        matterId: state.matterId,
        code: state.code,
        latest: state.status === 'draft' ? null : state.latest,
        reason: data.reason,
        history: {
          ...state.history,
          statusPeriods: [...state.history.statusPeriods, { status: 'retired', from: data.effectiveFrom, reason: data.reason }],
        },
        lastAt: data.at,
      };
    }
    default:
      return assertNever(type, 'matter event');
  }
}
