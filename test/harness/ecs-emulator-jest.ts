/**
 * One line for a jest file that needs ECS: moto behind the ECS layer for the whole file, reset
 * before each test with a fresh cluster/service fixture and an empty call log.
 *
 *   const ecs = useEcsEmulator();
 *   it('…', async () => { ecs.layer.planDeployments(...); ecs.fx.serviceName; });
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { createEcsFixture, type EcsFixture, type EcsFixtureOptions } from './ecs-fixtures';
import { type EcsLayer, startEcsLayer } from './ecs-layer';
import { type MotoServer, startMoto } from './moto';

export interface EcsEmulator {
  readonly moto: MotoServer;
  readonly layer: EcsLayer;
  /** The fixture made before the current test. */
  readonly fx: EcsFixture;
}

export function useEcsEmulator(fixture: EcsFixtureOptions = {}): EcsEmulator {
  const state: { moto?: MotoServer; layer?: EcsLayer; fx?: EcsFixture } = {};
  beforeAll(async () => {
    state.moto = await startMoto();
    state.layer = await startEcsLayer({ upstream: state.moto.url, motoLogTail: state.moto.logTail });
  });
  afterAll(async () => {
    await state.layer?.stop();
    await state.moto?.stop();
  });
  beforeEach(async () => {
    await state.layer!.reset();
    state.fx = await createEcsFixture(state.layer!.url, fixture);
    state.layer!.resetCalls();
  });
  return {
    get moto() {
      return state.moto!;
    },
    get layer() {
      return state.layer!;
    },
    get fx() {
      return state.fx!;
    },
  };
}
