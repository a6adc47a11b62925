import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccessByRecord, CurrentScope } from '../access/access.decorators';
import type { Scope } from '../access/scope';
import { RecordIdParams } from '../common/record-id';
import {
  DecideExtensionDto,
  FailHazardDto,
  FixOnTheSpotDto,
  MergeHazardDto,
  PassHazardDto,
  ReassignHazardDto,
  RejectHazardDto,
  ReopenHazardDto,
  ReportToAuthorityDto,
  RequestExtensionDto,
  SubmitFixDto,
  TriageHazardDto,
} from './hazard-actions.dto';
import { HazardActionsService } from './hazard-actions.service';
import { HazardTicketDetailDto } from './hazards.dto';

/**
 * The lifecycle, one endpoint per action; each answers the ticket as it now is. Refusals, in the
 * order they are checked: 404 COMMON_NOT_FOUND (not yours to see), 403 HAZARD_ACTION_FORBIDDEN (not
 * yours to take), 409 HAZARD_TRANSITION_NOT_ALLOWED (not in this state, or someone acted first),
 * then the action's own rules.
 */
@ApiTags('hazards')
@ApiBearerAuth()
@ApiOkResponse({ type: HazardTicketDetailDto })
@ApiNotFoundResponse({ description: 'COMMON_NOT_FOUND' })
@ApiForbiddenResponse({ description: 'HAZARD_ACTION_FORBIDDEN' })
@ApiConflictResponse({ description: 'HAZARD_TRANSITION_NOT_ALLOWED' })
@Controller('hazards/:id')
export class HazardActionsController {
  constructor(private readonly actions: HazardActionsService) {}

  @Post('triage')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({
    description: 'HAZARD_CONTINGENCY_PLAN_REQUIRED, HAZARD_DEADLINE_IN_PAST, HAZARD_RESPONSIBLE_PERSON_INVALID',
  })
  triage(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: TriageHazardDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.triage(scope, Number(params.id), body);
  }

  @Post('reject')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  reject(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: RejectHazardDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.reject(scope, Number(params.id), body);
  }

  @Post('merge')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({ description: 'HAZARD_MERGE_TARGET_INVALID' })
  merge(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: MergeHazardDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.merge(scope, Number(params.id), body);
  }

  @Post('fix-on-the-spot')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({ description: 'HAZARD_AFTER_PHOTO_REQUIRED, HAZARD_PHOTO_NOT_USABLE' })
  fixOnTheSpot(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: FixOnTheSpotDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.fixOnTheSpot(scope, Number(params.id), body);
  }

  @Post('start')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  start(@CurrentScope() scope: Scope, @Param() params: RecordIdParams): Promise<HazardTicketDetailDto> {
    return this.actions.start(scope, Number(params.id));
  }

  @Post('reassign')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({
    description: 'HAZARD_CONTINGENCY_PLAN_REQUIRED, HAZARD_DEADLINE_IN_PAST, HAZARD_RESPONSIBLE_PERSON_INVALID',
  })
  reassign(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: ReassignHazardDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.reassign(scope, Number(params.id), body);
  }

  @Post('extension-request')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({ description: 'HAZARD_DEADLINE_IN_PAST' })
  @ApiConflictResponse({ description: 'HAZARD_EXTENSION_PENDING' })
  requestExtension(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: RequestExtensionDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.requestExtension(scope, Number(params.id), body);
  }

  @Post('extension-approve')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiConflictResponse({ description: 'HAZARD_NO_EXTENSION_PENDING' })
  approveExtension(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: DecideExtensionDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.approveExtension(scope, Number(params.id), body);
  }

  @Post('extension-deny')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiConflictResponse({ description: 'HAZARD_NO_EXTENSION_PENDING' })
  denyExtension(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: DecideExtensionDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.denyExtension(scope, Number(params.id), body);
  }

  @Post('submit-fix')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({ description: 'HAZARD_AFTER_PHOTO_REQUIRED, HAZARD_PHOTO_NOT_USABLE' })
  submitFix(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: SubmitFixDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.submitFix(scope, Number(params.id), body);
  }

  @Post('pass')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiForbiddenResponse({ description: 'HAZARD_VERIFIER_IS_RECTIFIER' })
  pass(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: PassHazardDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.pass(scope, Number(params.id), body);
  }

  @Post('fail')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiForbiddenResponse({ description: 'HAZARD_VERIFIER_IS_RECTIFIER' })
  fail(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: FailHazardDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.fail(scope, Number(params.id), body);
  }

  @Post('reopen')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiConflictResponse({ description: 'HAZARD_REOPEN_WINDOW_PASSED' })
  reopen(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: ReopenHazardDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.reopen(scope, Number(params.id), body);
  }

  @Post('authority-report')
  @AccessByRecord()
  @HttpCode(HttpStatus.OK)
  @ApiConflictResponse({ description: 'HAZARD_NOT_MAJOR' })
  reportToAuthority(
    @CurrentScope() scope: Scope,
    @Param() params: RecordIdParams,
    @Body() body: ReportToAuthorityDto,
  ): Promise<HazardTicketDetailDto> {
    return this.actions.reportToAuthority(scope, Number(params.id), body);
  }
}
