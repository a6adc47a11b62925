import { Image, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { type DownloadedFile, newClientKey, toastError, toastInfo } from '../../../api';
import { choosePhotos, releasePhoto } from '../../../features/hazards';
import { type LessonImageDraft, uploadLessonImage } from '../../../features/lessons';
import { downloadLessonImage } from '../../../features/training';

export const LESSON_IMAGES_MAX = 6;

interface ImageEditorProps {
  images: readonly LessonImageDraft[];
  onChange: (images: LessonImageDraft[]) => void;
  readOnly: boolean;
  /** Uploads running: the editor waits for them before saving. */
  onUploading: (count: number) => void;
}

/**
 * The lesson's images: uploaded as soon as they are chosen (each with its own client key, so a
 * retry never stores two), shown from the phone until saved and from the server after; × removes.
 */
export function ImageEditor({ images, onChange, readOnly, onUploading }: ImageEditorProps) {
  const [local, setLocal] = useState<Record<string, string>>({});
  const [remote, setRemote] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(0);
  const downloaded = useRef<DownloadedFile[]>([]);
  const latest = useRef(images);
  latest.current = images;

  const missing = images.filter((image) => !local[image.id] && !remote[image.id] && image.url);
  const missingKey = missing.map((image) => image.id).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: missingKey stands for the images to fetch.
  useEffect(() => {
    let current = true;
    for (const image of missing) {
      downloadLessonImage(image.url).then(
        (file) => {
          downloaded.current.push(file);
          if (current) {
            setRemote((shown) => ({ ...shown, [image.id]: file.url }));
          }
        },
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [missingKey]);

  useEffect(
    () => () => {
      for (const file of downloaded.current) {
        file.release();
      }
    },
    [],
  );

  useEffect(() => {
    onUploading(uploading);
  }, [uploading, onUploading]);

  const add = async () => {
    if (readOnly) {
      return;
    }
    try {
      const chosen = await choosePhotos(LESSON_IMAGES_MAX - images.length);
      if (chosen.tooLarge > 0) {
        toastInfo(`${chosen.tooLarge} 张图片超过 10 MB，未添加`);
      }
      for (const photo of chosen.photos) {
        setUploading((count) => count + 1);
        try {
          const stored = await uploadLessonImage({ filePath: photo.path, blob: photo.blob, clientKey: newClientKey() });
          setLocal((shown) => ({ ...shown, [stored.id]: photo.path }));
          onChange([...latest.current, { id: stored.id, url: stored.url }]);
        } catch (error) {
          releasePhoto(photo);
          toastError(error);
        } finally {
          setUploading((count) => count - 1);
        }
      }
    } catch (error) {
      toastError(error);
    }
  };

  return (
    <View className="image-grid" id="lesson-images-editor">
      {images.map((image, index) => {
        const source = local[image.id] ?? remote[image.id];
        return (
          <View className="image-grid__cell" key={image.id} id={`lesson-image-${index}`}>
            {source ? (
              <Image className="image-grid__image" src={source} mode="aspectFill" />
            ) : (
              <Text className="image-grid__loading">加载中</Text>
            )}
            {readOnly ? null : (
              <Text
                className="image-grid__remove"
                id={`lesson-image-remove-${index}`}
                onClick={() => onChange(images.filter((_, position) => position !== index))}
              >
                ×
              </Text>
            )}
          </View>
        );
      })}
      {uploading > 0 ? (
        <View className="image-grid__cell">
          <Text className="image-grid__loading">上传中…</Text>
        </View>
      ) : null}
      {!readOnly && images.length + uploading < LESSON_IMAGES_MAX ? (
        <View className="image-grid__cell image-grid__add" id="lesson-image-add" onClick={() => void add()}>
          <Text className="image-grid__plus">+</Text>
          <Text className="image-grid__hint">
            {images.length === 0 ? '添加图片' : `${images.length}/${LESSON_IMAGES_MAX}`}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
