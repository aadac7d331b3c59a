import { describe, expect, it } from 'vitest';
import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin, { dataProductAssistantEntityContent } from './alpha';

const ofType = (type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x' },
  spec: { type },
});

describe('alpha plugin', () => {
  it('is the data-product-assistant plugin with the api and the tab', () => {
    expect(plugin.pluginId).toBe('data-product-assistant');
    // The ids app-config uses under `app.extensions`.
    expect(
      plugin.getExtension('entity-content:data-product-assistant/assistant'),
    ).toBeDefined();
    expect(plugin.getExtension('api:data-product-assistant')).toBeDefined();
  });

  it('adds the Assistant tab at /assistant for data products only', () => {
    const tester = createExtensionTester(dataProductAssistantEntityContent);

    expect(tester.get(coreExtensionData.routePath)).toBe('/assistant');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Assistant');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(ofType('data-product'))).toBe(true);
    expect(filter(ofType('service'))).toBe(false);
  });

  it('takes the data product types from config', () => {
    const tester = createExtensionTester(dataProductAssistantEntityContent, {
      config: { types: ['dataset', 'data-mart'] },
    });

    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(ofType('dataset'))).toBe(true);
    expect(filter(ofType('data-mart'))).toBe(true);
    expect(filter(ofType('data-product'))).toBe(false);
  });
});
