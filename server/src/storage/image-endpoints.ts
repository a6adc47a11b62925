import { applyDecorators, Header, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';

/** How one feature documents its picture upload endpoint. */
export interface ImageUploadEndpointOptions {
  /** The multipart body, for the OpenAPI document. */
  body: Type;
  /** The stored picture's response. */
  response: Type;
  /** What the picture is called: `photo`, `image`. */
  noun: string;
  /** The 400 codes and when they come. */
  badRequest: string;
  /** The 415 codes and when they come. */
  unsupportedMediaType: string;
}

/** The OpenAPI description of a one-picture multipart upload: 201 for a new picture, 200 for a retry. */
export function ImageUploadEndpoint(options: ImageUploadEndpointOptions): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: options.body }),
    ApiCreatedResponse({ type: options.response, description: 'Stored without metadata, with a thumbnail' }),
    ApiOkResponse({ type: options.response, description: `The same client key again: the first ${options.noun}` }),
    ApiBadRequestResponse({ description: options.badRequest }),
    ApiPayloadTooLargeResponse({ description: 'HAZARD_PHOTO_TOO_LARGE: over 10 MB, or too many pixels' }),
    ApiUnsupportedMediaTypeResponse({ description: options.unsupportedMediaType }),
  );
}

export interface ImageReadEndpointOptions {
  /** The Cache-Control header of the answer: who may keep the bytes, and for how long. */
  cacheControl: string;
  /** What the picture is called: `photo`, `picture`. */
  noun: string;
  /** When the answer is 404. */
  notFound: string;
}

/** A stored picture's bytes, or its thumbnail with `?variant=thumbnail`. */
export function ImageReadEndpoint(options: ImageReadEndpointOptions): MethodDecorator {
  return applyDecorators(
    Header('Cache-Control', options.cacheControl),
    ApiProduces('image/jpeg', 'image/png', 'image/webp'),
    ApiOkResponse({ description: `The ${options.noun}, or its JPEG thumbnail with ?variant=thumbnail` }),
    ApiNotFoundResponse({ description: options.notFound }),
  );
}
