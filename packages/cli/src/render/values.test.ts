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

  it('should reach into lists by item number and keep them lists', () => {
    const values = {
      secrets: [
        { name: 'DB', valueFrom: 'arn:1' },
        { name: 'KEY', valueFrom: 'arn:2' },
      ],
    };
    expect(applySet(values, 'secrets.1.name=API_KEY')).toEqual({
      secrets: [
        { name: 'DB', valueFrom: 'arn:1' },
        { name: 'API_KEY', valueFrom: 'arn:2' },
      ],
    });
    expect(applySet(values, 'secrets.2.name=NEW').secrets).toHaveLength(3);
    expect(applySet({}, 'targetPorts.0=5432')).toEqual({ targetPorts: [5432] });
    expect(values.secrets[1].name).toBe('KEY');
  });

  it('should refuse a name or a far number into a list, saying how to give it', () => {
    const values = { secrets: [{ name: 'DB' }] };
    expect(() => applySet(values, 'secrets.name=X')).toThrow(
      "--set secrets.name=X: secrets is a list; reach an item by its number (secrets.0.name) or give the whole list as YAML, e.g. --set 'secrets=[...]'",
    );
    expect(() => applySet(values, 'secrets.5.name=X')).toThrow(
      '--set secrets.5.name=X: secrets has 1 item(s), numbered from 0; 1 adds one',
    );
  });

  it('should refuse assignments without a key or with prototype keys', () => {
    expect(() => applySet({}, 'novalue')).toThrow(/key=value/);
    expect(() => applySet({}, '__proto__.polluted=1')).toThrow(
      /not a usable key/,
    );
    expect(({} as any).polluted).toBeUndefined();
  });
});
