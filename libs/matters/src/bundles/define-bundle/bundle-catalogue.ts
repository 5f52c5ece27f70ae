import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, EVENT_STORE, newAggregateId, type CommandContext, type CommandResult, type EventStore } from '@app/event-store';
import { bundles, lookUpMembers } from '../bundle.aggregate';
import { BundleCodeRegistry } from '../bundle-codes/bundle-code-registry';

/**
 * Defining and revising bundles: the members are looked up on their matters' own streams (the
 * decider refuses unknown, unpublished and repeated ones), the code is reserved in `bundle_codes`
 * before the definition (as matter codes are) and released when it fails. Under an
 * Idempotency-Key the new bundle's id is derived from the key: a retry answers the first result.
 */
@Injectable()
export class BundleCatalogue {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandExecutor,
    private readonly codes: BundleCodeRegistry,
  ) {}

  async define(input: { code: string; name: string; matterIds: string[] }, context: CommandContext): Promise<CommandResult> {
    const { userId } = context.actor;
    const key = context.idempotencyKey;
    const bundleId = newAggregateId(key ? { userId, idempotencyKey: key, command: context.command } : undefined);
    const members = await lookUpMembers(this.store, input.matterIds);
    const reservation = await this.codes.reserve(input.code, bundleId);
    try {
      const data = { bundleId, code: input.code, name: input.name, members, codeTaken: reservation === 'taken', at: context.at };
      return await this.commands.execute(bundles, bundleId, { type: 'bundle.define', data }, context);
    } catch (error) {
      if (reservation === 'reserved') await this.codes.release(input.code, bundleId).catch(() => undefined);
      throw error;
    }
  }

  async revise(bundleId: string, input: { name?: string; matterIds: string[] }, context: CommandContext): Promise<CommandResult> {
    const members = await lookUpMembers(this.store, input.matterIds);
    return this.commands.execute(
      bundles,
      bundleId,
      { type: 'bundle.revise', data: { name: input.name, members, at: context.at } },
      context,
    );
  }
}
