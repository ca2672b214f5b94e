import { useEffect, useState } from 'react';
import { progressDatabaseName } from '../storage/databaseName.ts';
import { readReadingPlaces, type ReadingPlaces } from '../storage/readingPlaces.ts';

/**
 * The stored reading places (storage/readingPlaces.ts), read once the page
 * is live; undefined until then (and in the prerendered HTML).
 */
export function useReadingPlaces(): ReadingPlaces | undefined {
  const [places, setPlaces] = useState<ReadingPlaces>();
  useEffect(() => {
    let live = true;
    void readReadingPlaces(progressDatabaseName(import.meta.env.BASE_URL)).then((read) => live && setPlaces(read));
    return () => {
      live = false;
    };
  }, []);
  return places;
}
