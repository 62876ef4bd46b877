import { applySet } from './values';

describe('applySet', () => {
  it('should set dotted keys and read values as YAML', () => {
    const values = applySet(
      applySet({ a: 1 }, 'network.region=eu-west-1'),
      'network.azs=[a, b]',
    );
    expect(values).toEqual({
      a: 1,
      network: { region: 'eu-west-1', azs: ['a', 'b'] },
    });
    expect(applySet({}, 'port=8080')).toEqual({ port: 8080 });
    expect(applySet({}, 'id=123456789012')).toEqual({ id: 123456789012 });
    expect(applySet({}, "id='123456789012'")).toEqual({ id: '123456789012' });
  });

  it('should refuse assignments without a key or with prototype keys', () => {
    expect(() => applySet({}, 'novalue')).toThrow(/key=value/);
    expect(() => applySet({}, '__proto__.polluted=1')).toThrow(
      /not a usable key/,
    );
    expect(({} as any).polluted).toBeUndefined();
  });
});
