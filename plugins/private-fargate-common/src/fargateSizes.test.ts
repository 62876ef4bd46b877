import { FARGATE_SIZES_HELP, isValidFargateSize } from './fargateSizes';

describe('isValidFargateSize', () => {
  it.each([
    [256, 512],
    [256, 1024],
    [256, 2048],
    [512, 4096],
    [1024, 8192],
    [4096, 30720],
    [8192, 61440],
    [16384, 122880],
  ])('accepts %i CPU with %i MiB', (cpu, memory) => {
    expect(isValidFargateSize(cpu, memory)).toBe(true);
  });

  it.each([
    [256, 3072],
    [512, 512],
    [1024, 9216],
    [8192, 17408],
    [300, 1024],
    [16384, 131072],
  ])('rejects %i CPU with %i MiB', (cpu, memory) => {
    expect(isValidFargateSize(cpu, memory)).toBe(false);
  });

  it('names the valid pairs for error messages', () => {
    expect(FARGATE_SIZES_HELP).toContain('256 CPU with 512, 1024 or 2048 MiB');
  });
});
