import { Ec2CallFailure } from '../aws/Ec2CallFailure';

/** The Ec2CallFailure `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<Ec2CallFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Ec2CallFailure);
    return error as Ec2CallFailure;
  }
  throw new Error('expected the call to fail');
}
