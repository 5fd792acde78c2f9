import { Module } from '@nestjs/common';
import { WidgetController } from './widget.controller.js';

/** Browser code the service ships to storefronts: the quote widget (README § Try it). */
@Module({ controllers: [WidgetController] })
export class WidgetModule {}
