import 'reflect-metadata';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PingDto } from './tmp/ping.dto.js';

@Controller('ping')
class PingController { @Post() ping(@Body() dto: PingDto): PingDto { return dto; } }
@Module({ controllers: [PingController] })
class AppModule {}
const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter());
const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
console.log(JSON.stringify(doc.components));
await app.close();
