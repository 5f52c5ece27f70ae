import { Body, Controller, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandExecutor, type CommandContext, type CommandResult } from '@app/event-store';
import { CommandContextOf, CommandBody, IdParam, InvalidInputException } from '@app/http';
import type { ApplicationCommand, SubmitApplication } from '../../domain';
import { LifecycleRoute } from '../http/lifecycle-route.decorator';
import { applications } from '../application.aggregate';
import { APPLICATION_SETTINGS, type ApplicationSettings } from '../settings/application-settings';
import {
  AcceptApplicationDto,
  CompleteApplicationDto,
  DeliverResultDto,
  EvaluateServiceDto,
  RejectApplicationDto,
  RequestSupplementDto,
  StartSpecialProcedureDto,
  SuspendApplicationDto,
} from './lifecycle.dtos';

/** The 办件 lifecycle after submission (domain.md): each route one domain command. */
@ApiTags('applications 办件')
@Controller('applications')
export class ApplicationLifecycleController {
  constructor(
    private readonly commands: CommandExecutor,
    @Inject(APPLICATION_SETTINGS) private readonly settings: ApplicationSettings,
  ) {}

  @LifecycleRoute(
    'accept',
    'Accept (受理): the deadline clock starts; the business date of `at` is day 0',
    'With `deferredMaterials` it is 容缺受理: the listed materials are due by `deferredDueOn` (default DEFERRED_DUE_WORKDAYS ' +
      'working days after acceptance, never after the deadline); the sweep suspends the application the working day after ' +
      'that date while they are missing, and returns it (退件) later still.',
  )
  accept(@IdParam() id: string, @Body() body: AcceptApplicationDto, @CommandContextOf('application.accept') context: CommandContext) {
    const { deferredMaterials, deferredDueOn } = body;
    if (deferredDueOn !== undefined && deferredMaterials === undefined)
      throw new InvalidInputException([{ field: 'deferredDueOn', message: 'deferredDueOn comes only with deferredMaterials' }]);
    const deferred = deferredMaterials
      ? {
          deferredMaterials,
          ...(deferredDueOn !== undefined ? { deferredDueOn } : {}),
          deferredDueWorkdays: this.settings.deferredDueWorkdays,
        }
      : {};
    return this.run(id, { type: 'application.accept', data: { at: context.at, ...deferred } }, context);
  }

  @LifecycleRoute(
    'deferred-materials',
    'Record the deferred materials of a 容缺受理 as received (容缺补交)',
    'Resumes the application when the sweep had suspended it for them. 409 when none are outstanding.',
  )
  receiveDeferredMaterials(
    @IdParam() id: string,
    @Body() _body: CommandBody,
    @CommandContextOf('application.receive_deferred_materials') context: CommandContext,
  ) {
    return this.run(id, { type: 'application.receive_deferred_materials', data: { at: context.at } }, context);
  }

  @LifecycleRoute('reject', 'Refuse at intake (不予受理); terminal')
  reject(@IdParam() id: string, @Body() body: RejectApplicationDto, @CommandContextOf('application.reject') context: CommandContext) {
    return this.run(id, { type: 'application.reject', data: { reason: body.reason, at: context.at } }, context);
  }

  @LifecycleRoute('supplement-requests', 'Request a supplement (补齐补正) before acceptance')
  requestSupplement(
    @IdParam() id: string,
    @Body() body: RequestSupplementDto,
    @CommandContextOf('application.request_supplement') context: CommandContext,
  ) {
    return this.run(id, { type: 'application.request_supplement', data: { items: body.items, at: context.at } }, context);
  }

  @LifecycleRoute('supplements', 'Record the requested supplement as received')
  receiveSupplement(
    @IdParam() id: string,
    @Body() _body: CommandBody,
    @CommandContextOf('application.receive_supplement') context: CommandContext,
  ) {
    return this.run(id, { type: 'application.receive_supplement', data: { at: context.at } }, context);
  }

  @LifecycleRoute('special-procedures', 'Start a special procedure (特别程序): its working days move the deadline')
  startSpecialProcedure(
    @IdParam() id: string,
    @Body() body: StartSpecialProcedureDto,
    @CommandContextOf('application.start_special_procedure') context: CommandContext,
  ) {
    return this.run(id, { type: 'application.start_special_procedure', data: { kind: body.kind, at: context.at } }, context);
  }

  @LifecycleRoute('special-procedures/end', 'End the open special procedure')
  endSpecialProcedure(
    @IdParam() id: string,
    @Body() _body: CommandBody,
    @CommandContextOf('application.end_special_procedure') context: CommandContext,
  ) {
    return this.run(id, { type: 'application.end_special_procedure', data: { at: context.at } }, context);
  }

  @LifecycleRoute('suspend', 'Suspend handling (挂起): its working days move the deadline')
  suspend(@IdParam() id: string, @Body() body: SuspendApplicationDto, @CommandContextOf('application.suspend') context: CommandContext) {
    return this.run(id, { type: 'application.suspend', data: { reason: body.reason, at: context.at } }, context);
  }

  @LifecycleRoute('resume', 'Resume a suspended application')
  resume(@IdParam() id: string, @Body() _body: CommandBody, @CommandContextOf('application.resume') context: CommandContext) {
    return this.run(id, { type: 'application.resume', data: { at: context.at } }, context);
  }

  @LifecycleRoute('complete', 'Complete (办结) with the decision and the in-person visits it took')
  complete(@IdParam() id: string, @Body() body: CompleteApplicationDto, @CommandContextOf('application.complete') context: CommandContext) {
    return this.run(id, { type: 'application.complete', data: { outcome: body.outcome, visits: body.visits, at: context.at } }, context);
  }

  @LifecycleRoute('deliver', 'Deliver the result (送达)')
  deliver(@IdParam() id: string, @Body() body: DeliverResultDto, @CommandContextOf('application.deliver') context: CommandContext) {
    return this.run(id, { type: 'application.deliver', data: { method: body.method, at: context.at } }, context);
  }

  @LifecycleRoute('evaluation', 'Record the service evaluation (好差评), once, after completion')
  evaluate(@IdParam() id: string, @Body() body: EvaluateServiceDto, @CommandContextOf('application.evaluate') context: CommandContext) {
    const data = { score: body.score, ...(body.comment !== undefined ? { comment: body.comment } : {}), at: context.at };
    return this.run(id, { type: 'application.evaluate', data }, context);
  }

  private run(id: string, command: Exclude<ApplicationCommand, SubmitApplication>, context: CommandContext): Promise<CommandResult> {
    return this.commands.execute(applications, id, command, context);
  }
}
