// The official @aws-sdk/client-sns (v3), PublishCommand to a phone number, pointed at the
// simulator with its `endpoint` option (the only address it is given) and default settings
// otherwise (keep-alive, its standard retry strategy, which a success never uses).
export const label = '@aws-sdk/client-sns';
export const endpoint = 'aws';

export function load(require) {
  return require('@aws-sdk/client-sns');
}

export function create({ SNSClient, PublishCommand }, target) {
  const { accessKeyId, secretAccessKey, baseUrl } = target.aws;
  const client = new SNSClient({
    region: 'eu-west-1',
    endpoint: baseUrl,
    credentials: { accessKeyId, secretAccessKey },
  });
  return { client, PublishCommand };
}

export async function send({ client, PublishCommand }, message) {
  const answer = await client.send(
    new PublishCommand({
      PhoneNumber: message.to,
      Message: message.text,
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    }),
  );
  return answer.MessageId;
}

export function close({ client }) {
  client.destroy();
}
