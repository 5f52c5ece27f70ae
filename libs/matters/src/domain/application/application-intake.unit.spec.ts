import { DomainError } from '@app/kernel';
import type { ApplicationCommand } from './application.commands';
import {
  accepted,
  applicant,
  applicationId,
  given,
  matter,
  on,
  refusedWith,
  rejected,
  submit,
  submitted,
  supplementReceived,
  supplementRequested,
} from './application.test-fixtures';

const reject: ApplicationCommand = {
  type: 'application.reject',
  data: { reason: ' 不属于本机关职权范围 ', at: on('2019-09-26', '16:00') },
};
const requestSupplement: ApplicationCommand = {
  type: 'application.request_supplement',
  data: { items: ['营业执照复印件'], at: on('2019-09-26', '11:00') },
};
const receiveSupplement: ApplicationCommand = { type: 'application.receive_supplement', data: { at: on('2019-09-26', '15:00') } };
const accept: ApplicationCommand = { type: 'application.accept', data: { at: on('2019-09-27') } };

describe('application decider — intake', () => {
  describe('submit', () => {
    it('records the matter snapshot, channel and the sealed applicant', () => {
      given([]).when(submit()).then([submitted]);
    });
    it('refuses when the matter is not in force at `at`', () => {
      given([])
        .when(submit({ matter: null }))
        .thenThrows(DomainError, refusedWith('not_in_force'));
    });
    it('refuses a second submission of the same stream', () => {
      given([submitted]).when(submit()).thenThrows(DomainError, refusedWith('already_exists'));
    });
    it('refuses an id number or a name in clear', () => {
      given([])
        .when(submit({ applicant: { ...applicant, idNumberMasked: '330602199001011234' } }))
        .thenThrows(DomainError, refusedWith('personal_data_in_clear'));
      given([])
        .when(submit({ applicant: { ...applicant, nameMasked: '张三' } }))
        .thenThrows(DomainError, refusedWith('personal_data_in_clear'));
    });
    it('refuses an unknown channel, a broken snapshot and a bad timestamp', () => {
      given([])
        .when(submit({ channel: 'fax' as never }))
        .thenThrows(DomainError, refusedWith('invalid_command'));
      given([])
        .when(submit({ matter: { ...matter, handlingType: 'instant' } }))
        .thenThrows(DomainError, refusedWith('invalid_command'));
      given([])
        .when(submit({ at: 'yesterday' }))
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
  });

  describe('reject at intake (不予受理)', () => {
    it('rejects a submitted application, trimming the reason', () => {
      given([submitted]).when(reject).then([rejected]);
    });
    it('rejects an application waiting for a supplement', () => {
      given([submitted, supplementRequested]).when(reject).then([rejected]);
    });
    it('is terminal: nothing more is accepted', () => {
      given([submitted, rejected])
        .when(accept)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot accept an application in state rejected'));
      given([submitted, rejected]).when(reject).thenThrows(DomainError, refusedWith('illegal_transition', 'state rejected'));
    });
    it('refuses to reject an accepted application and a blank reason', () => {
      given([submitted, accepted])
        .when(reject)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot reject an application in state accepted'));
      given([submitted])
        .when({ type: 'application.reject', data: { reason: '', at: on('2019-09-26', '16:00') } })
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
  });

  describe('supplement requested ⇄ received (补齐补正)', () => {
    it('requests a supplement', () => {
      given([submitted]).when(requestSupplement).then([supplementRequested]);
    });
    it('receives it, back to submitted, and may request again', () => {
      given([submitted, supplementRequested]).when(receiveSupplement).then([supplementReceived]);
      given([submitted, supplementRequested, supplementReceived])
        .when({ ...requestSupplement, data: { ...requestSupplement.data, at: on('2019-09-26', '16:00') } } as ApplicationCommand)
        .then([
          { ...supplementRequested, data: { ...supplementRequested.data, at: on('2019-09-26', '16:00') } } as typeof supplementRequested,
        ]);
    });
    it('refuses a second request while one is open, and a request after acceptance', () => {
      given([submitted, supplementRequested])
        .when(requestSupplement)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state supplement_requested'));
      given([submitted, accepted]).when(requestSupplement).thenThrows(DomainError, refusedWith('illegal_transition', 'suspend it instead'));
    });
    it('refuses receiving a supplement nobody asked for', () => {
      given([submitted])
        .when(receiveSupplement)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot receive a supplement for an application in state submitted'));
    });
    it('refuses an empty list of items', () => {
      given([submitted])
        .when({ type: 'application.request_supplement', data: { items: [], at: on('2019-09-26') } })
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
  });

  describe('accept (受理)', () => {
    it('accepts a submitted application, recording the channel', () => {
      given([submitted]).when(accept).then([accepted]);
    });
    it('accepts once the supplement is received', () => {
      given([submitted, supplementRequested, supplementReceived]).when(accept).then([accepted]);
    });
    it('refuses while a supplement is outstanding, and a second acceptance', () => {
      given([submitted, supplementRequested])
        .when(accept)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'has not been received'));
      given([submitted, accepted])
        .when(accept)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot accept an application in state accepted'));
    });
    it('refuses an application that was never submitted', () => {
      given([]).when(accept).thenThrows(DomainError, refusedWith('not_found'));
    });
    it('refuses business time going backwards', () => {
      given([submitted])
        .when({ type: 'application.accept', data: { at: on('2019-09-25') } })
        .thenThrows(DomainError, refusedWith('out_of_order'));
    });
    it('keeps the application id in every event', () => {
      expect(accepted.data.applicationId).toBe(applicationId);
    });
  });
});
