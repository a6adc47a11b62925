import {
  type BindingListQuery,
  BindingStatus,
  type EnterpriseBinding as EnterpriseBindingResponse,
  type EnterpriseBindingSummary,
  maskPhone,
  type RejectBindingRequest,
  type RequestBindingRequest,
} from '@ankang/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageOf, PageQueryDto } from '../common/pagination';
import { IsRecordId } from '../common/record-id';
import type { EnterpriseBinding } from './enterprise-binding.entity';

export class RequestBindingDto implements RequestBindingRequest {
  @ApiProperty({ example: 'HK-COAL-01', description: 'The code of the scanned workplace (the QR scene without `w=`)' })
  @IsString()
  @IsNotEmpty()
  // Longer than any workplace code, so an unknown code is answered as such (404) rather than as bad input.
  @MaxLength(64)
  workplaceCode: string;

  @ApiProperty({ format: 'uuid', description: 'The same key on a retry returns the same request' })
  @IsUUID()
  clientKey: string;
}

export class RejectBindingDto implements RejectBindingRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: '经核实非本企业职工' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  // A reason is read on the worker's phone: no control characters.
  @Matches(/^[^\p{Cc}]*$/u)
  reason: string;
}

export class BindingListQueryDto extends PageQueryDto implements BindingListQuery {
  @ApiPropertyOptional({ enum: BindingStatus, default: BindingStatus.Pending })
  @IsOptional()
  @IsEnum(BindingStatus)
  status?: BindingStatus;

  @ApiPropertyOptional({ description: 'Requests to this enterprise only' })
  @IsOptional()
  @IsRecordId()
  enterpriseId?: string;
}

export class BindingEnterpriseDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '河口煤业有限公司' })
  name: string;
}

export class BindingWorkplaceDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '主井口' })
  name: string;

  @ApiProperty({ example: 'HK-COAL-01' })
  code: string;
}

export class BindingUserDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true, description: 'Masked: 138****1234' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  employeeNumber: string | null;
}

export class EnterpriseBindingSummaryDto implements EnterpriseBindingSummary {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: BindingStatus })
  status: BindingStatus;

  @ApiProperty({ type: BindingEnterpriseDto })
  enterprise: BindingEnterpriseDto;

  @ApiProperty({ type: BindingWorkplaceDto })
  workplace: BindingWorkplaceDto;

  @ApiProperty({ type: String, nullable: true, description: 'Why an officer rejected it' })
  reason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
}

export class EnterpriseBindingDto extends EnterpriseBindingSummaryDto implements EnterpriseBindingResponse {
  @ApiProperty({ type: BindingUserDto })
  user: BindingUserDto;
}

export class EnterpriseBindingPageDto extends PageOf(EnterpriseBindingDto) {}

/** A binding as its worker sees it; loaded with its enterprise and workplace. */
export function toBindingSummary(binding: EnterpriseBinding): EnterpriseBindingSummaryDto {
  const { enterprise, workplace } = binding;
  if (!enterprise || !workplace)
    throw new Error(`Binding ${binding.id} was loaded without its enterprise and workplace`);
  return {
    id: String(binding.id),
    status: binding.status,
    enterprise: { id: String(enterprise.id), name: enterprise.name },
    workplace: { id: String(workplace.id), name: workplace.name, code: workplace.code ?? '' },
    reason: binding.reason,
    createdAt: binding.createdAt.toISOString(),
    decidedAt: binding.decidedAt?.toISOString() ?? null,
  };
}

/** A binding as the deciding officer sees it: the person's phone masked. Loaded with its user too. */
export function toEnterpriseBinding(binding: EnterpriseBinding): EnterpriseBindingDto {
  const { user } = binding;
  if (!user) throw new Error(`Binding ${binding.id} was loaded without its user`);
  return {
    ...toBindingSummary(binding),
    user: {
      id: String(user.id),
      displayName: user.displayName,
      phone: maskPhone(user.phone),
      employeeNumber: user.employeeNumber,
    },
  };
}
