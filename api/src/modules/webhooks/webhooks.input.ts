import { InputType } from 'type-graphql';
import { WebhookFields } from './webhooks.type.js';

@InputType()
export class WebhookInput extends WebhookFields {}
