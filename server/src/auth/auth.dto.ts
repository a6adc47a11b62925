import type {
  DemoUserSummary,
  DevLoginRequest,
  LogoutRequest,
  RefreshRequest,
  TokenPairResponse,
  WechatLoginRequest,
} from '@ankang/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsJWT, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { RoleGrantSummaryDto } from '../org/role-grants.dto';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'The code from wx.login (valid 5 minutes, single use)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  // WeChat codes are printable ASCII; anything else cannot be one and must not reach WeChat's query string.
  @Matches(/^[\x21-\x7e]+$/)
  code: string;
}

export class DevLoginDto implements DevLoginRequest {
  @ApiProperty({ example: 'demo-worker' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(2048)
  @IsJWT()
  refreshToken: string;
}

export class LogoutDto implements LogoutRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(2048)
  @IsJWT()
  refreshToken: string;
}

export class TokenPairDto implements TokenPairResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ description: 'Seconds' })
  accessTokenExpiresIn: number;

  @ApiProperty()
  refreshToken: string;

  @ApiProperty({ description: 'Seconds' })
  refreshTokenExpiresIn: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty()
  isNewUser: boolean;
}

export class DemoUserDto implements DemoUserSummary {
  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [RoleGrantSummaryDto] })
  roles: RoleGrantSummaryDto[];
}
