import type { Server } from 'node:http';
import { jest } from '@jest/globals';
import type { DiscoveryService } from '@nestjs/core';
import type { AppConfig } from '../../config/app-config.js';
import { DrainState } from './drain-state.js';
import { GracefulShutdown } from './graceful-shutdown.js';

describe('GracefulShutdown', () => {
  const discovery = { getProviders: () => [] } as unknown as DiscoveryService;
  const config = { shutdownGraceSeconds: 2 } as AppConfig;
  let state: DrainState;
  let server: { closeAllConnections: jest.Mock };
  let sut: GracefulShutdown;

  beforeEach(() => {
    jest.useFakeTimers();
    state = new DrainState();
    server = { closeAllConnections: jest.fn() };
    sut = new GracefulShutdown(state, discovery, config);
  });
  afterEach(() => jest.useRealTimers());

  it('turns draining on at once and waits for the work in flight, cutting nothing', async () => {
    const leave = state.enter();
    const outcome = sut.drain(server as unknown as Server);
    expect(state.draining).toBe(true);
    jest.advanceTimersByTime(1_500);
    leave();
    await expect(outcome).resolves.toEqual({ completed: true, cut: 0 });
    expect(server.closeAllConnections).not.toHaveBeenCalled();
  });

  it('closes every connection when the grace period ends with work still in flight', async () => {
    state.enter();
    state.enter();
    const outcome = sut.drain(server as unknown as Server);
    jest.advanceTimersByTime(2_000);
    await expect(outcome).resolves.toEqual({ completed: false, cut: 2 });
    expect(server.closeAllConnections).toHaveBeenCalledTimes(1);
  });

  it('finishes at once when nothing is in flight', async () => {
    await expect(sut.drain(server as unknown as Server)).resolves.toEqual({ completed: true, cut: 0 });
  });
});
