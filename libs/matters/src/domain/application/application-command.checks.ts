import { checkDate, checkText, checkTimestamp } from '@app/kernel';
import { assertNever } from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';
import type { AcceptApplication, ApplicationCommand, SubmitApplication } from './application.commands';
import { checkMatterSnapshot } from './matter-snapshot';

const CHANNELS = ['online', 'mobile', 'window'];
const METHODS = ['online', 'post', 'window'];
const OUTCOMES = ['approved', 'denied'];

const isWhole = (value: unknown, min: number, max: number): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** The field problems of a command, whatever the state (400 `invalid_command` when not empty). */
export function applicationCommandProblems(command: ApplicationCommand): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  checkTimestamp(problems, 'at', command.data.at);
  switch (command.type) {
    case 'application.submit':
      checkSubmission(problems, command.data);
      break;
    case 'application.reject':
    case 'application.suspend':
      checkText(problems, 'reason', command.data.reason);
      break;
    case 'application.request_supplement': {
      const { items } = command.data;
      if (!Array.isArray(items) || items.length === 0 || items.length > 100)
        problems.push({ field: 'items', message: 'must list 1 to 100 items' });
      else items.forEach((item, index) => checkText(problems, `items[${index}]`, item, 500));
      break;
    }
    case 'application.start_special_procedure':
      checkText(problems, 'kind', command.data.kind, 100);
      break;
    case 'application.complete':
      if (!OUTCOMES.includes(command.data.outcome)) problems.push({ field: 'outcome', message: 'must be approved or denied' });
      if (!isWhole(command.data.visits, 0, 9)) problems.push({ field: 'visits', message: 'must be a whole number from 0 to 9' });
      break;
    case 'application.deliver':
      if (!METHODS.includes(command.data.method)) problems.push({ field: 'method', message: 'must be online, post or window' });
      break;
    case 'application.evaluate':
      if (!isWhole(command.data.score, 1, 5)) problems.push({ field: 'score', message: 'must be a whole number from 1 to 5' });
      if (command.data.comment !== undefined && (typeof command.data.comment !== 'string' || command.data.comment.length > 1000))
        problems.push({ field: 'comment', message: 'must be a text of at most 1000 characters' });
      break;
    case 'application.accept':
      checkAcceptance(problems, command.data);
      break;
    case 'application.return':
      if (!isWhole(command.data.afterWorkdays, 1, 250))
        problems.push({ field: 'afterWorkdays', message: 'must be a whole number of working days from 1 to 250' });
      break;
    case 'application.receive_supplement':
    case 'application.receive_deferred_materials':
    case 'application.suspend_for_deferred_materials':
    case 'application.end_special_procedure':
    case 'application.resume':
      break;
    default:
      return assertNever(command, 'application command');
  }
  return problems;
}

function checkAcceptance(problems: DomainErrorDetail[], data: AcceptApplication['data']): void {
  const { deferredMaterials, deferredDueOn, deferredDueWorkdays } = data;
  if (deferredMaterials === undefined) {
    if (deferredDueOn !== undefined) problems.push({ field: 'deferredDueOn', message: 'is given only with deferredMaterials' });
  } else if (!Array.isArray(deferredMaterials) || deferredMaterials.length === 0 || deferredMaterials.length > 100)
    problems.push({ field: 'deferredMaterials', message: 'must list 1 to 100 material names' });
  else {
    deferredMaterials.forEach((name, index) => checkText(problems, `deferredMaterials[${index}]`, name, 500));
    const names = deferredMaterials.map((name) => (typeof name === 'string' ? name.trim() : name));
    if (new Set(names).size !== names.length) problems.push({ field: 'deferredMaterials', message: 'must not name a material twice' });
  }
  if (deferredDueOn !== undefined) checkDate(problems, 'deferredDueOn', deferredDueOn);
  if (deferredDueWorkdays !== undefined && !isWhole(deferredDueWorkdays, 1, 250))
    problems.push({ field: 'deferredDueWorkdays', message: 'must be a whole number of working days from 1 to 250' });
}

function checkSubmission(problems: DomainErrorDetail[], data: SubmitApplication['data']): void {
  checkText(problems, 'applicationId', data.applicationId, 200);
  checkText(problems, 'matterId', data.matterId, 200);
  if (!CHANNELS.includes(data.channel)) problems.push({ field: 'channel', message: 'must be online, mobile or window' });
  if (data.matter) checkMatterSnapshot(problems, data.matter);
  const applicant = data.applicant;
  if (applicant?.kind !== 'person' && applicant?.kind !== 'organisation')
    problems.push({ field: 'applicant.kind', message: 'must be person or organisation' });
  checkText(problems, 'applicant.keyId', applicant?.keyId, 200);
  checkText(problems, 'applicant.sealed', applicant?.sealed, 20_000);
}

/**
 * A guard against personal data in clear reaching an event: the masks must mask. Returns the
 * offending fields (400 `personal_data_in_clear`).
 */
export function clearPersonalDataProblems(data: SubmitApplication['data']): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const { idNumberMasked, nameMasked } = data.applicant;
  if (typeof idNumberMasked !== 'string' || !idNumberMasked.includes('*') || /[0-9A-Za-z]{9,}/.test(idNumberMasked))
    problems.push({ field: 'applicant.idNumberMasked', message: 'must be the masked id number (maskIdNumber)' });
  if (typeof nameMasked !== 'string' || !nameMasked.includes('*'))
    problems.push({ field: 'applicant.nameMasked', message: 'must be the masked name (maskName)' });
  return problems;
}
