// Integration tests start real servers and wait for rollouts: give each test up to 3 minutes.
import { jest } from '@jest/globals';

jest.setTimeout(180_000);
