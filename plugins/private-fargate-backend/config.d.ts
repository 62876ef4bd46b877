import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Private Fargate: status of VPC endpoints and PrivateLink services. */
  privateFargate?: {
    /**
     * Marks every status answer as demo data (`source: demo`), for the development config that
     * points `aws.ec2Endpoint` at the local demo EC2 server. Never set it with real AWS.
     */
    demo?: boolean;
    status?: {
      /**
       * How long a snapshot of a VPC's endpoints or of an endpoint service stays fresh before
       * the next request refreshes it from AWS. Default 60 seconds.
       * A string such as `60s` or `PT1M`, or an object such as `{ seconds: 60 }`.
       */
      cacheTtl?: HumanDuration | string;
    };
    aws?: {
      /**
       * Overrides the EC2 API address for every account and Region, e.g. a LocalStack or the
       * demo EC2 server `http://127.0.0.1:4599`. Leave unset for real AWS.
       */
      ec2Endpoint?: string;
      /**
       * Time limit of one EC2 call, retries included. Default 10 seconds.
       * A string such as `10s`, or an object such as `{ seconds: 10 }`.
       */
      timeout?: HumanDuration | string;
      /** How many times an EC2 call is attempted, the first included (SDK retries). Default 3. */
      maxAttempts?: number;
    };
  };
}
