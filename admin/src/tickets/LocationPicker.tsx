import { Stack, Typography } from '@mui/material';
import type { LeafletMouseEvent } from 'leaflet';
import { maxValue, minValue, NumberInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { CircleMarker, MapContainer, useMapEvents } from 'react-leaflet';
import { MapTiles } from '../common/MapTiles';
import { DEFAULT_MAP_CENTER, DEFAULT_MAP_ZOOM } from '../common/map-config';

const round = (degrees: number) => Number(degrees.toFixed(6));

function PickOnClick({ onPick }: { onPick: (event: LeafletMouseEvent) => void }) {
  useMapEvents({ click: onPick });
  return null;
}

/** Both coordinates or neither. */
function bothOrNeither(_value: unknown, values: { location?: { lat?: unknown; lng?: unknown } }) {
  const lat = values.location?.lat;
  const lng = values.location?.lng;
  const given = (value: unknown) => value !== undefined && value !== null && value !== '';
  return given(lat) === given(lng) ? undefined : 'hotline.map.both_or_neither';
}

/** Intake: the agent clicks the map where the demand is, or types the coordinates (WGS-84). */
export function LocationPicker() {
  const translate = useTranslate();
  const { setValue, trigger } = useFormContext();
  const lat = useWatch({ name: 'location.lat' }) as number | null | undefined;
  const lng = useWatch({ name: 'location.lng' }) as number | null | undefined;
  const picked = typeof lat === 'number' && typeof lng === 'number' ? ([lat, lng] as [number, number]) : null;
  const pick = (event: LeafletMouseEvent) => {
    // Both values first, then both checks: checking one alone would find the other still missing.
    setValue('location.lat', round(event.latlng.lat), { shouldDirty: true });
    setValue('location.lng', round(event.latlng.wrap().lng), { shouldDirty: true });
    void trigger(['location.lat', 'location.lng']);
  };
  return (
    <Stack spacing={1} sx={{ width: '100%' }} data-testid="location-picker">
      <Typography variant="caption" color="text.secondary">
        {translate('hotline.map.pick_hint')}
      </Typography>
      <MapContainer
        center={DEFAULT_MAP_CENTER}
        zoom={DEFAULT_MAP_ZOOM}
        style={{ height: 260, width: '100%', cursor: 'crosshair' }}
      >
        <MapTiles />
        <PickOnClick onPick={pick} />
        {picked && <CircleMarker center={picked} radius={8} className={'picked-point'} />}
      </MapContainer>
      <Stack direction="row" spacing={2}>
        <NumberInput
          source="location.lat"
          label="hotline.map.lat"
          step={0.000001}
          validate={[minValue(-90), maxValue(90), bothOrNeither]}
        />
        <NumberInput
          source="location.lng"
          label="hotline.map.lng"
          step={0.000001}
          validate={[minValue(-180), maxValue(180), bothOrNeither]}
        />
      </Stack>
    </Stack>
  );
}
