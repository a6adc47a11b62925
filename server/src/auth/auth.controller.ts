import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { DemoUserDto, DevLoginDto, LogoutDto, RefreshDto, TokenPairDto, WechatLoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('wechat-login')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({ description: 'Login attempts are rate-limited per client address' })
  wechatLogin(@Body() body: WechatLoginDto): Promise<TokenPairDto> {
    return this.auth.loginWithWechat(body.code);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  logout(@Body() body: LogoutDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('dev-users')
  @ApiOkResponse({ type: [DemoUserDto], description: 'Only outside production' })
  devUsers(): Promise<DemoUserDto[]> {
    return this.auth.listDemoUsers();
  }

  @Post('dev-login')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: TokenPairDto, description: 'Only outside production' })
  devLogin(@Body() body: DevLoginDto): Promise<TokenPairDto> {
    return this.auth.loginAsDemoUser(body.username);
  }
}
