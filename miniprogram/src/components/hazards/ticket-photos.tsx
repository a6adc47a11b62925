import type { HazardPhoto } from '@ankang/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { type DownloadedFile, toastError } from '../../api';
import { downloadHazardPhoto } from '../../features/hazards';
import './hazards.scss';

/**
 * A ticket's photos. They sit behind the bearer token, so each thumbnail is downloaded (WeChat: a
 * temporary file; H5: an object URL, released when the page goes); a tap downloads the full photo
 * and opens WeChat's (or Taro's) image viewer.
 */
export function TicketPhotos({ id, photos }: { id: string; photos: readonly HazardPhoto[] }) {
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({});
  const downloaded = useRef<DownloadedFile[]>([]);
  const photoKey = photos.map((photo) => photo.id).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: photoKey stands for the photos.
  useEffect(() => {
    let current = true;
    for (const photo of photos) {
      downloadHazardPhoto(photo, 'thumbnail').then(
        (file) => {
          downloaded.current.push(file);
          if (current) {
            setThumbnails((shown) => ({ ...shown, [photo.id]: file.url }));
          }
        },
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [photoKey]);

  useEffect(
    () => () => {
      for (const file of downloaded.current) {
        file.release();
      }
    },
    [],
  );

  const open = async (photo: HazardPhoto) => {
    try {
      const file = await downloadHazardPhoto(photo, 'original');
      downloaded.current.push(file);
      await Taro.previewImage({ urls: [file.url], current: file.url });
    } catch (error) {
      toastError(error);
    }
  };

  if (photos.length === 0) {
    return null;
  }
  return (
    <View className="photo-grid" id={id}>
      {photos.map((photo) => (
        <View className="photo-grid__cell" key={photo.id} id={`${id}-${photo.id}`} onClick={() => void open(photo)}>
          {thumbnails[photo.id] ? (
            <Image className="photo-grid__image" src={thumbnails[photo.id]} mode="aspectFill" />
          ) : (
            <Text className="photo-grid__loading">加载中</Text>
          )}
        </View>
      ))}
    </View>
  );
}
