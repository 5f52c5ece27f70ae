import type { MatterElements } from '../../domain/matter-elements';
import { MATTER_ELEMENT_KEYS } from '../../domain/matter/matter-elements.rules';
import type { MatterElementsDto } from './matter-elements.dto';

/** Validated DTO instances → plain JSON values (no class instances, no undefined keys), as events store them. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The elements the DTO names, and only those: a revision's `changes`. */
export function toMatterChanges(body: Partial<MatterElementsDto>): Partial<MatterElements> {
  const present = MATTER_ELEMENT_KEYS.filter((key) => body[key] !== undefined).map((key) => [key, plain(body[key])]);
  return Object.fromEntries(present) as Partial<MatterElements>;
}

/** All elements of a registration (exemptions default to none). */
export function toMatterElements(body: MatterElementsDto): MatterElements {
  return { exemptions: {}, ...toMatterChanges(body) } as MatterElements;
}
